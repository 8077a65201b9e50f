import { AppError } from "@voronka/core";
import { findApiKey, touchApiKey } from "@voronka/db";
import type { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";

/**
 * Authenticates `/v1` ingestion with a workspace write key, sent the way Segment's libraries
 * send it: HTTP Basic with the key as user name and an empty password. (`writeKey` in a batch
 * body is read by the batch route itself.)
 */
export function writeKeyFromHeader(header: string | undefined): string | undefined {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const user = decoded.split(":")[0];
  return user || undefined;
}

/**
 * Write keys this process has recently found valid: a busy sender must not cost a lookup per
 * request. Entries live 2 s, and a key revoked through this process is forgotten at once; so a
 * revoked write key is refused by every process within 2 s (write keys are public anyway: they
 * ship in the web snippet). Keys not found are never cached, so a new key works at once.
 */
const validKeys = new Map<string, { id: string; workspaceId: string; until: number }>();
const VALID_FOR_MS = 2_000;

/** Forgets a revoked key (by its id) in this process. */
export function forgetWriteKey(keyId: string): void {
  for (const [key, entry] of validKeys) if (entry.id === keyId) validKeys.delete(key);
}

/** When this process last recorded each key's use: a hot key must not cost a statement a request. */
const lastTouched = new Map<string, number>();
const TOUCH_EVERY_MS = 60_000;

function touchDue(keyId: string): boolean {
  const now = Date.now();
  if (now - (lastTouched.get(keyId) ?? 0) < TOUCH_EVERY_MS) return false;
  if (lastTouched.size > 10_000) lastTouched.clear();
  lastTouched.set(keyId, now);
  return true;
}

export async function authenticateWriteKey(
  c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0],
  key: string | undefined,
) {
  if (!key) {
    throw new AppError(
      "unauthenticated",
      "Send the workspace write key as the HTTP Basic user name (as Segment's libraries do).",
    );
  }
  const cached = validKeys.get(key);
  if (cached && cached.until > Date.now()) return cached.workspaceId;
  const { db, log } = c.get("deps");
  const row = await findApiKey(db, key);
  if (!row)
    throw new AppError("invalid_api_key", "This write key is not valid or has been revoked.");
  if (row.kind !== "write") {
    throw new AppError(
      "forbidden",
      "Use the workspace's write key for /v1; secret keys are for the management API.",
    );
  }
  if (validKeys.size > 10_000) validKeys.clear();
  validKeys.set(key, {
    id: row.id,
    workspaceId: row.workspaceId,
    until: Date.now() + VALID_FOR_MS,
  });
  if (touchDue(row.id)) {
    touchApiKey(db, row.workspaceId, row.id).catch((err) =>
      log.warn({ err }, "touchApiKey failed"),
    );
  }
  return row.workspaceId;
}
