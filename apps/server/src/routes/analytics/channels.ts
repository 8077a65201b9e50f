import { createRoute, z } from "@hono/zod-openapi";
import { ChannelQuery, ChannelReport, SpendRow } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  type ChannelRow,
  channelReport,
  deleteSpend,
  listSpend,
  parseSpendCsv,
  toCsv,
  upsertSpend,
} from "@voronka/db";
import { authErrors, badRequest, json, notFoundResponse, router } from "../../openapi.ts";
import { base, csvContent, csvHeaders, toRange, withBom } from "./common.ts";

const report = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/channels",
  summary: "Channel report: leads, customers, revenue, CAC, LTV, ROMI, sales formula",
  description:
    "Contacts are attributed to the channel and UTM source of their first lead in the range. " +
    "Spend is what was entered for the months the range touches. `margin` (0–1] turns revenue " +
    "into gross profit for ROMI and the sales formula, which compares the range with " +
    "`compareFrom`–`compareTo` (default: the equally long period just before).",
  request: { query: ChannelQuery },
  responses: { 200: json(ChannelReport, "The report."), ...badRequest, ...authErrors },
});

const ChannelTable = z.enum(["channels", "sources", "cohorts", "formula", "spend"]);

const exportCsv = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/channels/export.csv",
  summary: "A table of the channel report (or the spend table) as CSV",
  request: { query: ChannelQuery.extend({ table: ChannelTable }) },
  responses: { ...csvContent, ...badRequest, ...authErrors },
});

const spendList = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/spend",
  summary: "Marketing spend per channel and month",
  responses: {
    200: json(z.object({ data: z.array(SpendRow) }), "Newest month first."),
    ...authErrors,
  },
});

const spendPut = createRoute({
  ...base,
  method: "put",
  path: "/api/analytics/spend",
  summary: "Enter spend (replaces the amount of each channel and month given)",
  description:
    "`channel` is a lead channel (`web_form`, `telegram`, …) or a UTM source (`google`, `vk`, …).",
  request: {
    body: {
      ...json(z.object({ rows: z.array(SpendRow).min(1).max(5000) }), "Spend rows."),
      required: true,
    },
  },
  responses: {
    200: json(z.object({ saved: z.number().int() }), "Rows saved."),
    ...badRequest,
    ...authErrors,
  },
});

const spendImport = createRoute({
  ...base,
  method: "post",
  path: "/api/analytics/spend/import",
  summary: "Import spend from CSV",
  description:
    "The body is a CSV file with the header `channel,month,amount` (`;` works too; month as " +
    "`2026-03`). All or nothing: any bad line answers 400 with one `details` entry per line.",
  request: {
    body: {
      content: { "text/csv": { schema: z.string() } },
      description: "The CSV file.",
      required: true,
    },
  },
  responses: {
    200: json(z.object({ saved: z.number().int() }), "Rows saved."),
    ...badRequest,
    ...authErrors,
  },
});

const spendDelete = createRoute({
  ...base,
  method: "delete",
  path: "/api/analytics/spend/{channel}/{month}",
  summary: "Delete the spend of a channel in a month",
  request: {
    params: z.object({
      channel: z.string().min(1).max(100),
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    }),
  },
  responses: {
    204: { description: "Deleted." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const channelColumns: Array<readonly [string, (r: ChannelRow) => unknown]> = [
  ["leads", (r) => r.leads],
  ["customers", (r) => r.customers],
  ["orders", (r) => r.orders],
  ["revenue", (r) => r.revenue],
  ["spend", (r) => r.spend],
  ["conversion", (r) => r.conversion],
  ["cpl", (r) => r.cpl],
  ["cac", (r) => r.cac],
  ["romi", (r) => r.romi],
];

export const channelAnalyticsRoutes = router()
  .openapi(report, async (c) => {
    const { db } = c.get("deps");
    const q = c.req.valid("query");
    const r = await channelReport(db, c.get("auth").workspaceId, toRange(q), {
      margin: q.margin,
      ...(q.compareFrom || q.compareTo
        ? { compare: toRange({ from: q.compareFrom, to: q.compareTo }) }
        : {}),
    });
    return c.json(r, 200);
  })
  .openapi(exportCsv, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const q = c.req.valid("query");
    let body: string;
    if (q.table === "spend") {
      body = toCsv(await listSpend(db, workspaceId), [
        ["channel", (s) => s.channel],
        ["month", (s) => s.month],
        ["amount", (s) => s.amount],
      ]);
    } else {
      const r = await channelReport(db, workspaceId, toRange(q), {
        margin: q.margin,
        ...(q.compareFrom || q.compareTo
          ? { compare: toRange({ from: q.compareFrom, to: q.compareTo }) }
          : {}),
      });
      if (q.table === "channels" || q.table === "sources") {
        body = toCsv(q.table === "channels" ? r.byChannel : r.bySource, [
          [q.table === "channels" ? "channel" : "utm_source", (x) => x.key],
          ...channelColumns,
        ]);
      } else if (q.table === "cohorts") {
        body = toCsv(r.cohorts, [
          ["month", (x) => x.month],
          ["leads", (x) => x.leads],
          ["customers", (x) => x.customers],
          ["revenue", (x) => x.revenue],
          ["spend", (x) => x.spend],
          ["cac", (x) => x.cac],
          ["ltv", (x) => x.ltv],
        ]);
      } else {
        const f = r.formula;
        const factors = ["leads", "conversion", "averageCheck", "transactions", "margin"] as const;
        body = toCsv(factors, [
          ["factor", (k) => k],
          ["before", (k) => f.before[k]],
          ["after", (k) => f.after[k]],
          ["contribution_to_change", (k) => f.contributions[k]],
        ]);
      }
    }
    return c.body(withBom(body), 200, csvHeaders(`channels-${q.table}`));
  })
  .openapi(spendList, async (c) => {
    const { db } = c.get("deps");
    return c.json({ data: await listSpend(db, c.get("auth").workspaceId) }, 200);
  })
  .openapi(spendPut, async (c) => {
    const { db } = c.get("deps");
    const saved = await upsertSpend(db, c.get("auth").workspaceId, c.req.valid("json").rows);
    return c.json({ saved }, 200);
  })
  .openapi(spendImport, async (c) => {
    const { db } = c.get("deps");
    const { rows, problems } = parseSpendCsv(await c.req.text());
    if (problems.length > 0) {
      throw new AppError("validation_failed", "Some lines of the file could not be read.", {
        details: problems
          .slice(0, 100)
          .map((p) => ({ path: `line ${p.line}`, message: p.message })),
      });
    }
    if (rows.length === 0) {
      throw new AppError("validation_failed", "The file has no spend rows.", {
        details: [{ path: "line 2", message: "Add at least one line under the header." }],
      });
    }
    return c.json({ saved: await upsertSpend(db, c.get("auth").workspaceId, rows) }, 200);
  })
  .openapi(spendDelete, async (c) => {
    const { db } = c.get("deps");
    const { channel, month } = c.req.valid("param");
    if (!(await deleteSpend(db, c.get("auth").workspaceId, channel, month))) {
      throw new AppError("not_found", "No spend entered for this channel and month.");
    }
    return c.body(null, 204);
  });
