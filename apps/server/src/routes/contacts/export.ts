import { createRoute, z } from "@hono/zod-openapi";
import { ContactFilters } from "@voronka/contract";
import { exportContactsCsv } from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, router, secured } from "../../openapi.ts";

const exportCsv = createRoute({
  tags: ["Contacts"],
  middleware: [requireAuth] as const,
  security: secured,
  method: "get",
  path: "/api/contacts/export.csv",
  summary: "Export contacts as CSV",
  description:
    "The contacts matching the same filters as `GET /api/contacts`, most recently seen first, " +
    "streamed as UTF-8 CSV with a header row. Column names are import field names, so the file " +
    "imports back as is. A cell that a spreadsheet would run as a formula (starting with = + - @) " +
    "is prefixed with `'` (plain numbers such as `+7 999 123 45 67` are left alone); the import " +
    "strips that prefix again.",
  request: { query: ContactFilters },
  responses: {
    200: {
      content: { "text/csv": { schema: z.string() } },
      description: "The CSV file.",
    },
    ...badRequest,
    ...authErrors,
  },
});

export const exportRoutes = router().openapi(exportCsv, async (c) => {
  const { db, log } = c.get("deps");
  const rows = exportContactsCsv(db, c.get("auth").workspaceId, c.req.valid("query"));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        // Headers are gone already: all we can do is cut the file short and say why in the log.
        log.error({ err }, "contacts export failed");
        controller.error(err);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return c.body(body, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="contacts-${day}.csv"`,
  });
});
