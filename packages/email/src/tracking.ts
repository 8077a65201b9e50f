import { type LinkClaim, linkUrl } from "./links.ts";

/** Who a message went to and which send it was: the claims every tracking link carries. */
export interface TrackingTarget {
  baseUrl: string;
  secret: string;
  workspaceId: string;
  contactId: string;
  effectKey: string;
}

function claim(t: TrackingTarget, a: LinkClaim["a"], u?: string): LinkClaim {
  return { a, w: t.workspaceId, c: t.contactId, k: t.effectKey, ...(u ? { u } : {}) };
}

/** The signed unsubscribe URL of a message (GET shows a page, POST is RFC 8058 one-click). */
export function unsubscribeUrl(t: TrackingTarget): string {
  return linkUrl(t.baseUrl, t.secret, claim(t, "u"));
}

const decodeAttr = (v: string) =>
  v
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/**
 * Routes every http(s) link of the HTML through the signed click redirect (except the
 * unsubscribe link, which already is one) and appends the open pixel.
 */
export function addTracking(html: string, t: TrackingTarget, unsubscribe: string): string {
  // Only anchors: `<link href>` (web fonts, styles) must stay as they are.
  const linked = html.replace(
    /(<a\b[^>]*?\shref=")(https?:\/\/[^"]+)"/gi,
    (whole, start: string, raw: string) => {
      const url = decodeAttr(raw);
      if (url === unsubscribe || !URL.canParse(url)) return whole;
      return `${start}${linkUrl(t.baseUrl, t.secret, claim(t, "c", url))}"`;
    },
  );
  const pixel = `<img src="${linkUrl(t.baseUrl, t.secret, claim(t, "o"))}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />`;
  return /<\/body>/i.test(linked) ? linked.replace(/<\/body>/i, `${pixel}</body>`) : linked + pixel;
}
