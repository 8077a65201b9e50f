import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";

/** One log line per request, with its id, status and duration. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const { log } = c.get("deps");
  const line = {
    requestId: c.get("requestId"),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms,
  };
  if (c.res.status >= 500) log.error(line, "request");
  else log.info(line, "request");
});
