import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@voronka/core";
import { findLeadSourceByPublicId, type LeadChannel, type LeadSourceRow } from "@voronka/db";
import type { Context } from "hono";
import type { AppEnv } from "../../env.ts";

/**
 * The source a public endpoint belongs to, by the `publicId` in its path; a 404 when unknown
 * (or when the id belongs to another channel's endpoint).
 */
export async function publicSource(
  c: Context<AppEnv>,
  channel: LeadChannel,
): Promise<LeadSourceRow> {
  const publicId = c.req.param("publicId") ?? "";
  const source =
    publicId.length <= 64
      ? await findLeadSourceByPublicId(c.get("deps").db, publicId, channel)
      : undefined;
  if (!source) throw new AppError("not_found", "No such lead source.");
  return source;
}

/** HMAC-SHA256 of `body` with `secret`, hex. */
export function hmacHex(secret: string, body: string | Buffer): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** Compares two strings in constant time (for their common length); false on any mismatch. */
export function safeEqual(a: string | undefined, b: string | undefined | null): boolean {
  if (a === undefined || b === undefined || b === null) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** 401 for a delivery whose signature or token does not check out. Nothing is stored. */
export const badSignature = (what: string) =>
  new AppError("unauthenticated", `${what} is missing or does not match; nothing was stored.`);

/** Parses a raw body already used for a signature check; bad JSON is a 400. */
export function parseJsonBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}

/** A payload that passed the signature but not the schema: 400 with the fields at fault. */
export function invalidPayload(
  what: string,
  error: { issues: Array<{ path: PropertyKey[]; message: string }> },
): AppError {
  return new AppError("validation_failed", `The ${what} is not in the expected format.`, {
    details: error.issues.slice(0, 20).map((i) => ({
      path: i.path.map(String).join(".") || "(body)",
      message: i.message,
    })),
  });
}

/** The client address: the first `X-Forwarded-For` hop, else the socket's. */
export function clientIp(c: Context<AppEnv>): string {
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  const env: unknown = c.env;
  if (env && typeof env === "object" && "incoming" in env) {
    const incoming: unknown = env.incoming;
    if (incoming && typeof incoming === "object" && "socket" in incoming) {
      const socket: unknown = incoming.socket;
      if (socket && typeof socket === "object" && "remoteAddress" in socket) {
        const address: unknown = socket.remoteAddress;
        if (typeof address === "string") return address;
      }
    }
  }
  return "unknown";
}
