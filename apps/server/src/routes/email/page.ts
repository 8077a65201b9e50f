import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../../env.ts";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A small, plain page for people who follow a link in an email (no app, no scripts). */
export function plainPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  text: string,
  form?: { action: string; button: string },
) {
  const button = form
    ? `<form method="post" action="${escapeHtml(form.action)}"><input type="hidden" name="confirm" value="1"><button type="submit">${escapeHtml(form.button)}</button></form>`
    : "";
  return pageHtml(c, status, title, `<p>${escapeHtml(text)}</p>${button}`);
}

/** What the preference page offers: the workspace's topics, ticked when received. */
export interface PreferenceView {
  sender: string;
  topics: ReadonlyArray<{ id: string; name: string; description: string; subscribed: boolean }>;
  topicOfEmail: string | null;
}

/**
 * The page behind the unsubscribe link when the workspace has topics: tick the kinds of
 * email to keep receiving, or leave them all.
 */
export function preferencesPage(c: Context<AppEnv>, action: string, view: PreferenceView) {
  const a = escapeHtml(action);
  const rows = view.topics
    .map((t) => {
      const note = t.id === view.topicOfEmail ? " <em>(this email)</em>" : "";
      const desc = t.description ? `<br><small>${escapeHtml(t.description)}</small>` : "";
      return `<label><input type="checkbox" name="topic" value="${escapeHtml(t.id)}"${t.subscribed ? " checked" : ""}> <span><b>${escapeHtml(t.name)}</b>${note}${desc}</span></label>`;
    })
    .join("");
  const body = `<p>Choose which emails you want to receive from ${escapeHtml(view.sender)}. Untick a topic to stop receiving it.</p>
<form method="post" action="${a}"><input type="hidden" name="action" value="topics"><fieldset>${rows}</fieldset><button type="submit">Save my choices</button></form>
<hr><form method="post" action="${a}"><input type="hidden" name="confirm" value="1"><p>Or stop all emails from ${escapeHtml(view.sender)}.</p><button type="submit" class="secondary">Unsubscribe from all emails</button></form>`;
  return pageHtml(c, 200, "Email preferences", body);
}

function pageHtml(c: Context<AppEnv>, status: ContentfulStatusCode, title: string, body: string) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  );
  return c.html(
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}button{font:inherit;padding:.5rem 1rem;cursor:pointer;border-radius:6px;border:1px solid #2f6fed;background:#2f6fed;color:#fff}button.secondary{background:#fff;color:#2f6fed}fieldset{border:0;padding:0;margin:0 0 1rem}label{display:flex;gap:.6rem;align-items:flex-start;padding:.6rem 0;border-bottom:1px solid #eee}label input{margin-top:.35rem}small{color:#666}hr{border:0;border-top:1px solid #ddd;margin:2rem 0 1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body>
</html>`,
    status,
  );
}
