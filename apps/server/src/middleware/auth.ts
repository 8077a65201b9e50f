import { AppError } from "@voronka/core";
import { findApiKey, findSession, touchApiKey } from "@voronka/db";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";

export const SESSION_COOKIE = "voronka_session";

/**
 * Authenticates `/api` calls: `Authorization: Bearer <secret key>` for servers, the session
 * cookie for the web app. A write key is recognised but refused: it is public by design.
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const { db, log } = c.get("deps");
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new AppError(
        "invalid_api_key",
        "Send the secret key as 'Authorization: Bearer <key>'.",
      );
    }
    const key = await findApiKey(db, match[1]);
    if (!key)
      throw new AppError("invalid_api_key", "This API key is not valid or has been revoked.");
    if (key.kind !== "secret") {
      throw new AppError(
        "forbidden",
        "This is a write key: it can only send events to /v1. Use a secret key for the management API.",
      );
    }
    c.set("auth", { via: "api_key", workspaceId: key.workspaceId, apiKeyId: key.id });
    touchApiKey(db, key.workspaceId, key.id).catch((err) =>
      log.warn({ err }, "touchApiKey failed"),
    );
    return next();
  }
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await findSession(db, token) : undefined;
  if (!session) throw new AppError("unauthenticated", "Sign in, or send a secret API key.");
  c.set("auth", { via: "session", workspaceId: session.workspaceId, userId: session.userId });
  return next();
});
