import type { TimelineItem } from "@voronka/contract";
import { sourceLabel } from "./labels.ts";

/** Who or what moved a contact, as a marketer would say it. */
const causeWords: Record<string, string> = {
  user: "by a user",
  api: "through the API",
  journey: "by a journey",
  rule: "by a stage rule",
  lead: "when the lead arrived",
  import: "by a CSV import",
};

export function causeLabel(cause: string): string {
  return causeWords[cause] ?? `by ${cause}`;
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
      const inFunnel = funnel ? `Funnel: ${funnel}` : null;
      if (item.lostReason !== null || item.lostNote !== null) {
        const from = item.fromStage ? ` at ${item.fromStage}` : "";
        const detail = [
          item.lostReason ? `Reason: ${item.lostReason}` : null,
          item.lostNote ? `“${item.lostNote}”` : null,
          inFunnel,
        ];
        return { title: `Marked lost${from} · ${by}`, detail: detail.filter(Boolean).join(" · ") };
      }
      const title = item.fromStage
        ? `Moved from ${item.fromStage} to ${item.toStage} · ${by}`
        : `Entered ${item.toStage} · ${by}`;
      return { title, detail: inFunnel };
    }
    case "lead": {
      const utm = Object.entries(item.utm)
        .map(([key, value]) => `${key.replace(/^utm_/, "")}: ${value}`)
        .join(", ");
      return { title: `New lead from ${sourceLabel(item.channel)}`, detail: utm || null };
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
      return { title: name ?? "Did something", detail: null };
    case "page": {
      const page = text(properties.title) ?? name ?? text(properties.path) ?? text(properties.url);
      return {
        title: page ? `Viewed the page “${page}”` : "Viewed a page",
        detail: text(properties.url),
      };
    }
    case "screen":
      return { title: name ? `Opened the screen “${name}”` : "Opened a screen", detail: null };
    case "identify":
      return { title: "Profile updated", detail: null };
    case "group":
      return { title: "Joined a group", detail: name };
    case "alias":
      return { title: "Linked to another identity", detail: null };
    default:
      return { title: name ?? sourceLabel(type), detail: null };
  }
}
