import { createRoute } from "@hono/zod-openapi";
import { Health } from "@voronka/contract";
import { sql } from "drizzle-orm";
import { json, router } from "../openapi.ts";

const route = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["System"],
  summary: "Health check",
  description: "Answers 200 when the server runs and reaches its database, 503 otherwise.",
  responses: {
    200: json(Health, "Voronka is up."),
    503: json(Health, "The database is unreachable."),
  },
});

export const healthRoutes = router().openapi(route, async (c) => {
  const { db, version } = c.get("deps");
  const ok = await db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  if (ok) return c.json({ status: "ok" as const, database: "ok" as const, version }, 200);
  return c.json({ status: "degraded" as const, database: "unreachable" as const, version }, 503);
});
