import { createRoute, z } from "@hono/zod-openapi";
import { AbSplit, JourneyReport, ReportRange } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { abResults, journeyReport, toCsv } from "@voronka/db";
import { authErrors, badRequest, json, notFoundResponse, router } from "../../openapi.ts";
import { base, csvContent, csvHeaders, toRange, withBom } from "./common.ts";

const Params = z.object({ id: z.uuid() });
const notFound = () => new AppError("not_found", "No journey with this id in this workspace.");

const report = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/journeys/{id}",
  summary: "Journey report",
  description:
    "Per published version and node: visits in the range and how they left (passed, converted, " +
    "exited, still waiting); goal conversion by the day runs started; per send-email node: sent, " +
    "delivered, bounced, skipped, opened, clicked, unsubscribed.",
  request: { params: Params, query: ReportRange },
  responses: {
    200: json(JourneyReport, "The report."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const ab = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/journeys/{id}/ab",
  summary: "A/B results per split node",
  description:
    "Per branch and holdout of each split: contacts, conversions to the journey goal, uplift over " +
    "the baseline (the holdout, else the first branch), the 95% interval of the difference, the " +
    "two-proportion z-test p-value, and the posterior probability that each branch is best " +
    "(Beta-Binomial, uniform prior). `thinData` is true while arms are smaller than the sample " +
    "needed to see a 20% relative uplift.",
  request: { params: Params, query: ReportRange },
  responses: {
    200: json(z.object({ data: z.array(AbSplit) }), "One entry per split node."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const JourneyTable = z.enum(["nodes", "goal", "messages", "ab"]);

const exportCsv = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/journeys/{id}/export.csv",
  summary: "A table of the journey report as CSV",
  request: { params: Params, query: ReportRange.extend({ table: JourneyTable }) },
  responses: { ...csvContent, ...badRequest, ...authErrors, ...notFoundResponse },
});

export const journeyAnalyticsRoutes = router()
  .openapi(report, async (c) => {
    const { db } = c.get("deps");
    const r = await journeyReport(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      toRange(c.req.valid("query")),
    );
    if (!r) throw notFound();
    return c.json(r, 200);
  })
  .openapi(ab, async (c) => {
    const { db } = c.get("deps");
    const r = await abResults(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      toRange(c.req.valid("query")),
    );
    if (!r) throw notFound();
    return c.json({ data: r }, 200);
  })
  .openapi(exportCsv, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const range = toRange(q);
    let body: string;
    if (q.table === "ab") {
      const splits = await abResults(db, workspaceId, id, range);
      if (!splits) throw notFound();
      const rows = splits.flatMap((s) => s.arms.map((a) => ({ split: s.label, ...a })));
      body = toCsv(rows, [
        ["split", (r) => r.split],
        ["branch", (r) => r.name],
        ["holdout", (r) => r.holdout],
        ["contacts", (r) => r.contacts],
        ["conversions", (r) => r.conversions],
        ["conversion_rate", (r) => r.rate],
        ["uplift", (r) => r.uplift],
        ["difference_low_95", (r) => r.diffLow],
        ["difference_high_95", (r) => r.diffHigh],
        ["p_value", (r) => r.pValue],
        ["probability_best", (r) => r.probabilityBest],
      ]);
    } else {
      const r = await journeyReport(db, workspaceId, id, range);
      if (!r) throw notFound();
      body =
        q.table === "nodes"
          ? toCsv(r.nodes, [
              ["version", (n) => n.version],
              ["node", (n) => n.label],
              ["entered", (n) => n.entered],
              ["waiting", (n) => n.waiting],
              ["passed", (n) => n.passed],
              ["converted", (n) => n.converted],
              ["exited", (n) => n.exited],
            ])
          : q.table === "goal"
            ? toCsv(r.goal, [
                ["day", (g) => g.day],
                ["started", (g) => g.started],
                ["converted", (g) => g.converted],
              ])
            : toCsv(r.messages, [
                ["version", (m) => m.version],
                ["node", (m) => m.label],
                ["sent", (m) => m.sent],
                ["delivered", (m) => m.delivered],
                ["bounced", (m) => m.bounced],
                ["skipped", (m) => m.skipped],
                ["opened", (m) => m.opened],
                ["clicked", (m) => m.clicked],
                ["unsubscribed", (m) => m.unsubscribed],
              ]);
    }
    return c.body(withBom(body), 200, csvHeaders(`journey-${q.table}`));
  });
