import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../../env.ts";

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/**
 * The small page a plain HTML form post (no JavaScript) lands on: the thank-you text, or why
 * the form was not accepted, with a link back to the page it came from.
 */
export function formPage(c: Context<AppEnv>, status: ContentfulStatusCode, text: string): Response {
  const back = c.req.header("referer");
  const safeBack = back && /^https?:\/\//i.test(back) ? back : undefined;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${status < 400 ? "Thank you" : "Not sent"}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><p>${escapeHtml(text)}</p>${safeBack ? `<p><a href="${escapeHtml(safeBack)}">Back</a></p>` : ""}</body>
</html>`;
  return c.html(html, status);
}
