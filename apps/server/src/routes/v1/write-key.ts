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
  touchApiKey(db, row.workspaceId, row.id).catch((err) => log.warn({ err }, "touchApiKey failed"));
  return row.workspaceId;
}
