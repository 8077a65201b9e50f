import { AppError } from "@voronka/core";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF guard for cookie sessions: browsers send `Origin` on every cross-site write, so a
 * write whose `Origin` is another site is refused. Calls without `Origin` (servers, curl)
 * and calls with a bearer key (no ambient credentials) pass.
 */
export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE.has(c.req.method) || c.req.header("authorization")) return next();
  const origin = c.req.header("origin");
  if (origin === undefined) return next();
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host;
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  if (originHost !== host) {
    throw new AppError(
      "forbidden",
      "Cross-site requests are not allowed. Open Voronka itself to do this.",
    );
  }
  return next();
});
