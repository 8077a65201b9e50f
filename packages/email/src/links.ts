import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * What a signed email link stands for. `a`: `o` open pixel, `c` click redirect, `u` unsubscribe.
 * `k` is the send effect's idempotency key (the message), `u` the click target.
 */
export const LinkClaim = z.object({
  a: z.enum(["o", "c", "u"]),
  w: z.uuid(),
  c: z.uuid(),
  k: z.string().min(1),
  u: z.url({ protocol: /^https?$/ }).optional(),
});
export type LinkClaim = z.infer<typeof LinkClaim>;

const PATHS: Record<LinkClaim["a"], string> = { o: "/e/o/", c: "/e/c/", u: "/e/u/" };

const linkKeys = new Map<string, Buffer>();

// A key of its own for links, so the server secret is never used raw for two purposes.
// Derived once per secret: every email signs several links.
function linkKey(secret: string): Buffer {
  let key = linkKeys.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update("voronka:email-links:v1").digest();
    if (linkKeys.size >= 100) linkKeys.clear();
    linkKeys.set(secret, key);
  }
  return key;
}

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", linkKey(secret)).update(body).digest();
}

/** `<base64url(json)>.<base64url(hmac-sha256)>` */
export function signClaim(secret: string, claim: LinkClaim): string {
  const body = Buffer.from(JSON.stringify(claim)).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/** The claim of a token, or null when it is malformed or its signature does not match. */
export function verifyToken(secret: string, token: string): LinkClaim | null {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const expected = mac(secret, body);
  const actual = Buffer.from(sig, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const parsed = LinkClaim.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The full URL of a signed link under the server's public base URL. */
export function linkUrl(baseUrl: string, secret: string, claim: LinkClaim): string {
  return `${baseUrl.replace(/\/$/, "")}${PATHS[claim.a]}${signClaim(secret, claim)}`;
}
