import type { FormField, LeadSource, LeadSourceSettings } from "@voronka/contract";
import {
  ALL_FIELDS,
  DEFAULT_FIELDS,
  type FieldRow,
  fieldProblem,
  fieldsOf,
  rowsOf,
} from "./form-fields.ts";
import { leadStrings as t } from "./strings.ts";
import type { Target } from "./TargetPicker.tsx";

/** Channels this screen sets up (the API and chat have no set-up of their own here). */
export const SETUP_CHANNELS = [
  "web_form",
  "telegram",
  "whatsapp",
  "viber",
  "call_tracking",
] as const;
export type SetupChannel = (typeof SETUP_CHANNELS)[number];

export function isSetupChannel(value: string | undefined): value is SetupChannel {
  return (SETUP_CHANNELS as readonly string[]).includes(value ?? "");
}

/** Whose secret the provider issues (and the user types in) rather than Voronka. */
export const PROVIDED_SECRET: ReadonlySet<string> = new Set(["whatsapp", "viber"]);

/** A source being edited, as the form holds it (texts as typed). */
export interface Draft {
  name: string;
  target: Target;
  rows: FieldRow[];
  /** The label of each field on the site; empty shows the English default. */
  labels: Record<FormField, string>;
  title: string;
  buttonText: string;
  thankYouText: string;
  redirectUrl: string;
  botUsername: string;
  /** A new provider secret (WhatsApp app secret, Viber token); empty keeps the current one. */
  secret: string;
}

/** The draft of an existing source, or of a new one with friendly defaults. */
export function draftOf(source: LeadSource | null, channel: string): Draft {
  const s = source?.settings;
  return {
    name: source?.name ?? t.defaultName[channel] ?? "",
    target: { funnelId: source?.funnelId ?? null, stageId: source?.stageId ?? null },
    // A saved form without a field list shows all four on the site.
    rows: rowsOf(source ? (s?.fields ?? ALL_FIELDS) : DEFAULT_FIELDS),
    labels: source
      ? { name: "", email: "", phone: "", message: "", ...s?.labels }
      : { ...t.newFormLabels },
    title: source ? (s?.title ?? "") : t.newFormHeading,
    buttonText: source ? (s?.buttonText ?? "") : t.newFormButton,
    thankYouText: source ? (s?.thankYouText ?? "") : t.newFormThanks,
    redirectUrl: s?.redirectUrl ?? "",
    botUsername: s?.botUsername ?? "",
    secret: "",
  };
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** The settings to save for this channel; empty texts fall back to the site's defaults. */
export function settingsOf(draft: Draft, channel: string): LeadSourceSettings {
  switch (channel) {
    case "web_form":
      return {
        fields: fieldsOf(draft.rows),
        labels: labelsOf(draft.labels),
        title: optional(draft.title),
        buttonText: optional(draft.buttonText),
        thankYouText: optional(draft.thankYouText),
        redirectUrl: optional(draft.redirectUrl),
      };
    case "telegram":
      return { botUsername: optional(draft.botUsername.replace(/^@/, "")) };
    default:
      return {};
  }
}

/** The first thing to fix before saving, in the user's words; null when it can be saved. */
export function draftProblem(draft: Draft, channel: string, creating: boolean): string | null {
  if (!draft.name.trim()) return t.needName;
  if (channel === "web_form") {
    const fields = fieldProblem(draft.rows);
    if (fields === "none") return t.needField;
    if (fields === "noContact") return t.needContactField;
    const url = draft.redirectUrl.trim();
    if (url && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) return t.badUrl;
  }
  if (channel === "telegram") {
    const bot = draft.botUsername.trim().replace(/^@/, "");
    if (bot && !/^[A-Za-z0-9_]{3,64}$/.test(bot)) return t.badBotUsername;
  }
  if (PROVIDED_SECRET.has(channel)) {
    const secret = draft.secret.trim();
    if ((creating || secret) && !/^[\x21-\x7e]{8,256}$/.test(secret)) return t.badSecret;
  }
  return null;
}

/** The labels typed in, trimmed; empty ones are left out (the site shows its default). */
function labelsOf(labels: Record<FormField, string>): LeadSourceSettings["labels"] {
  const out: Partial<Record<FormField, string>> = {};
  for (const field of ALL_FIELDS) {
    const text = labels[field].trim();
    if (text) out[field] = text;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
