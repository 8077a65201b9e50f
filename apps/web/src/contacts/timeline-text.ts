import type { TimelineItem } from "@voronka/contract";
import { localized } from "../i18n/index.ts";
import { sourceLabel } from "./labels.ts";

/** Who or what moved a contact, as a marketer would say it. */
const w = localized({
  en: {
    causes: {
      user: "by a user",
      api: "through the API",
      journey: "by a journey",
      rule: "by a stage rule",
      lead: "when the lead arrived",
      import: "by a CSV import",
    } as Record<string, string>,
    by: (cause: string) => `by ${cause}`,
    funnel: (name: string) => `Funnel: ${name}`,
    at: (stage: string) => ` at ${stage}`,
    reason: (reason: string) => `Reason: ${reason}`,
    markedLost: (from: string, by: string) => `Marked lost${from} · ${by}`,
    moved: (from: string, to: string, by: string) => `Moved from ${from} to ${to} · ${by}`,
    entered: (to: string, by: string) => `Entered ${to} · ${by}`,
    lead: (channel: string) => `New lead from ${channel}`,
    didSomething: "Did something",
    viewedPage: (page: string) => `Viewed the page “${page}”`,
    viewedAPage: "Viewed a page",
    openedScreen: (name: string) => `Opened the screen “${name}”`,
    openedAScreen: "Opened a screen",
    profileUpdated: "Profile updated",
    joinedGroup: "Joined a group",
    linked: "Linked to another identity",
  },
  ru: {
    causes: {
      user: "пользователем",
      api: "через API",
      journey: "цепочкой",
      rule: "правилом этапа",
      lead: "при поступлении лида",
      import: "импортом CSV",
    } as Record<string, string>,
    by: (cause: string) => `источник: ${cause}`,
    funnel: (name: string) => `Воронка: ${name}`,
    at: (stage: string) => ` на этапе «${stage}»`,
    reason: (reason: string) => `Причина: ${reason}`,
    markedLost: (from: string, by: string) => `Отмечен проигранным${from} · ${by}`,
    moved: (from: string, to: string, by: string) => `Переведён из «${from}» в «${to}» · ${by}`,
    entered: (to: string, by: string) => `Попал на этап «${to}» · ${by}`,
    lead: (channel: string) => `Новый лид: ${channel}`,
    didSomething: "Совершил действие",
    viewedPage: (page: string) => `Открыл страницу «${page}»`,
    viewedAPage: "Открыл страницу",
    openedScreen: (name: string) => `Открыл экран «${name}»`,
    openedAScreen: "Открыл экран",
    profileUpdated: "Профиль обновлён",
    joinedGroup: "Вступил в группу",
    linked: "Связан с другой учётной записью",
  },
});

export function causeLabel(cause: string): string {
  return w.causes[cause] ?? w.by(cause);
}

/** The headline and an optional second line of one timeline entry, in plain words. */
export interface TimelineText {
  title: string;
  detail: string | null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** Turns a timeline entry into words; `funnelName` names the funnel of a stage move. */
export function describeTimelineItem(
  item: TimelineItem,
  funnelName: (funnelId: string) => string | null,
): TimelineText {
  switch (item.kind) {
    case "event":
      return describeEvent(item.type, item.name, item.properties);
    case "stage_move": {
      const funnel = funnelName(item.funnelId);
      const by = causeLabel(item.cause);
      const inFunnel = funnel ? w.funnel(funnel) : null;
      if (item.lostReason !== null || item.lostNote !== null) {
        const from = item.fromStage ? w.at(item.fromStage) : "";
        const detail = [
          item.lostReason ? w.reason(item.lostReason) : null,
          item.lostNote ? `“${item.lostNote}”` : null,
          inFunnel,
        ];
        return { title: w.markedLost(from, by), detail: detail.filter(Boolean).join(" · ") };
      }
      const title = item.fromStage
        ? w.moved(item.fromStage, item.toStage, by)
        : w.entered(item.toStage, by);
      return { title, detail: inFunnel };
    }
    case "lead": {
      const utm = Object.entries(item.utm)
        .map(([key, value]) => `${key.replace(/^utm_/, "")}: ${value}`)
        .join(", ");
      return { title: w.lead(sourceLabel(item.channel)), detail: utm || null };
    }
  }
}

function describeEvent(
  type: string,
  name: string | null,
  properties: Record<string, unknown>,
): TimelineText {
  switch (type) {
    case "track":
      return { title: name ?? w.didSomething, detail: null };
    case "page": {
      const page = text(properties.title) ?? name ?? text(properties.path) ?? text(properties.url);
      return {
        title: page ? w.viewedPage(page) : w.viewedAPage,
        detail: text(properties.url),
      };
    }
    case "screen":
      return { title: name ? w.openedScreen(name) : w.openedAScreen, detail: null };
    case "identify":
      return { title: w.profileUpdated, detail: null };
    case "group":
      return { title: w.joinedGroup, detail: name };
    case "alias":
      return { title: w.linked, detail: null };
    default:
      return { title: name ?? sourceLabel(type), detail: null };
  }
}
