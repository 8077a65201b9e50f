import type { ContactSummary } from "@voronka/contract";
import { localized } from "../i18n/index.ts";

/** Plain names for lead sources and channels the API reports as identifiers. */
const known: Record<string, string> = localized({
  en: {
    api: "API",
    import: "CSV import",
    csv: "CSV import",
    web_form: "Web form",
    form: "Web form",
    telegram: "Telegram",
    whatsapp: "WhatsApp",
    viber: "Viber",
    phone: "Phone call",
    call_tracking: "Call tracking",
    call: "Phone call",
    chat: "Chat",
    email: "Email",
    sms: "SMS",
    identify: "Website or app",
    track: "Website or app",
    segment: "Website or app",
    manual: "Added by hand",
  } as Record<string, string>,
  ru: {
    api: "API",
    import: "Импорт CSV",
    csv: "Импорт CSV",
    web_form: "Веб-форма",
    form: "Веб-форма",
    telegram: "Telegram",
    whatsapp: "WhatsApp",
    viber: "Viber",
    phone: "Звонок",
    call_tracking: "Коллтрекинг",
    call: "Звонок",
    chat: "Чат",
    email: "Email",
    sms: "SMS",
    identify: "Сайт или приложение",
    track: "Сайт или приложение",
    segment: "Сайт или приложение",
    manual: "Добавлен вручную",
  },
});

const unnamed = localized({ en: "Unnamed contact", ru: "Контакт без имени" });

/** Sources a contact can come from, offered by the contacts list's filter. */
export const knownSources = [
  "web_form",
  "telegram",
  "whatsapp",
  "viber",
  "call_tracking",
  "chat",
  "api",
  "import",
] as const;

/** "web_form" → "Web form"; unknown identifiers are spelled out from their words. */
export function sourceLabel(source: string): string {
  const label = known[source.toLowerCase()];
  if (label) return label;
  const words = source.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The best name to show for a contact: a name, else an email, phone or user id. */
export function contactName(
  c: Pick<ContactSummary, "name" | "firstName" | "lastName" | "email" | "phone" | "userId">,
): string {
  const full = [c.firstName, c.lastName].filter(Boolean).join(" ");
  return c.name || full || c.email || c.phone || c.userId || unnamed;
}

/** Initials for an avatar: "Anna Ivanova" → "AI". */
export function initials(name: string): string {
  const letters = name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase());
  return letters.join("") || "?";
}
