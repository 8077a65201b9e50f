import { createHmac, timingSafeEqual } from "node:crypto";

/** The header every webhook carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "Voronka-Signature";

/** HMAC-SHA256 (hex) of `"<t>.<body>"` under the workspace's signing secret. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The `Voronka-Signature` header value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, body)}`;
}

/**
 * Checks a received signature (what a receiver does; see docs/webhooks.md): the timestamp must
 * be within `toleranceSec` of `now`, and one `v1` must match in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  options: { now?: number; toleranceSec?: number } = {},
): boolean {
  const parts = header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(secret, t, body), "hex");
  return parts
    .filter(([k, v]) => k === "v1" && v !== undefined)
    .some(([, v]) => {
      const got = Buffer.from(v ?? "", "hex");
      return got.length === expected.length && timingSafeEqual(got, expected);
    });
}
