import { randomToken } from "@voronka/core";
import type { LeadChannel, LeadSourceRow, LeadSourceStats } from "@voronka/db";
import type { Context } from "hono";
import type { AppEnv } from "../../env.ts";
import { type LeadSource, LeadSourceSettings } from "./schemas.ts";

/** Public path segment of each channel with a public endpoint. */
const PUBLIC_PATH: Partial<Record<LeadChannel, string>> = {
  web_form: "forms",
  telegram: "telegram",
  whatsapp: "whatsapp",
  viber: "viber",
  call_tracking: "calls",
};

/** Channels whose secret Voronka generates (the others get theirs from the provider). */
export const GENERATED_SECRET: ReadonlySet<LeadChannel> = new Set(["telegram", "call_tracking"]);
/** Channels that cannot verify deliveries without a provider-issued secret. */
export const PROVIDED_SECRET: ReadonlySet<LeadChannel> = new Set(["whatsapp", "viber"]);

/** A secret Telegram accepts as `secret_token` (A-Z, a-z, 0-9, `_`, `-`): base64url. */
export const newSecret = () => randomToken(32);

/** The origin the caller sees us at (honouring a reverse proxy's forwarded headers). */
export function publicOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const proto =
    c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.slice(0, -1);
  const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim() || url.host;
  return `${proto}://${host}`;
}

/** Settings from the JSON column, parsed; unknown or invalid keys are dropped. */
export function parseSettings(raw: unknown): LeadSourceSettings {
  const parsed = LeadSourceSettings.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A plain HTML form (works with JavaScript off): the source's fields, the honeypot, and the page
 * URL (for UTM) where scripts run.
 */
export function htmlFormSnippet(action: string, settings: LeadSourceSettings): string {
  const labels = {
    name: "Name",
    email: "Email",
    phone: "Phone",
    message: "Message",
    ...settings.labels,
  };
  const fields = (settings.fields ?? ["name", "email", "phone", "message"]).map((f) =>
    f === "message"
      ? `  <label>${escapeAttr(labels[f])} <textarea name="message"></textarea></label>`
      : `  <label>${escapeAttr(labels[f])} <input name="${f}" type="${f === "email" ? "email" : f === "phone" ? "tel" : "text"}"></label>`,
  );
  return [
    `<form method="post" action="${escapeAttr(action)}">`,
    ...fields,
    `  <input name="website" tabindex="-1" autocomplete="off" style="position:absolute;left:-9999px" aria-hidden="true">`,
    // Browsers send only the origin as Referer cross-site, so the page's UTM query would be
    // lost; where scripts run, this fills in the page URL (the form still works without it).
    `  <input type="hidden" name="page_url">`,
    `  <script>document.currentScript.parentNode.elements.page_url.value = location.href;</script>`,
    `  <button type="submit">${escapeAttr(settings.buttonText ?? "Send")}</button>`,
    "</form>",
  ].join("\n");
}

/** The window of a source's `recentLeads`, in days. */
export const RECENT_LEAD_DAYS = 30;

/** The start of the `recentLeads` window. */
export const recentSince = (now = Date.now()) => new Date(now - RECENT_LEAD_DAYS * 86_400_000);

/**
 * The API representation of a source; its URLs are absolute for `origin`. With `stats` (the
 * list and get), it carries the source's leads of the last `RECENT_LEAD_DAYS` days.
 */
export function toLeadSource(
  row: LeadSourceRow,
  origin: string,
  stats?: Map<string, LeadSourceStats>,
): LeadSource {
  const settings = parseSettings(row.settings);
  const segment = PUBLIC_PATH[row.channel];
  const path = segment ? `/v1/leads/${segment}/${row.publicId}` : null;
  let embed: LeadSource["embed"] = null;
  if (row.channel === "web_form" && path) {
    const scriptUrl = `${origin}${path}/embed.js`;
    embed = {
      scriptUrl,
      snippet: `<div id="voronka-form-${row.publicId}"></div>\n<script src="${scriptUrl}" async></script>`,
      htmlFormSnippet: htmlFormSnippet(`${origin}${path}`, settings),
    };
  }
  return {
    id: row.id,
    publicId: row.publicId,
    channel: row.channel,
    name: row.name,
    funnelId: row.funnelId,
    stageId: row.stageId,
    settings,
    hasSecret: row.secret !== null,
    createdAt: row.createdAt.toISOString(),
    endpoint: path ? { method: "POST", path, url: `${origin}${path}` } : null,
    embed,
    ...(stats
      ? {
          recentLeads: {
            days: RECENT_LEAD_DAYS,
            count: stats.get(row.id)?.leads ?? 0,
            lastLeadAt: stats.get(row.id)?.lastLeadAt?.toISOString() ?? null,
          },
        }
      : {}),
  };
}
