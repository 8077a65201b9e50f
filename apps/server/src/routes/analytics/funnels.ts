import { createRoute, z } from "@hono/zod-openapi";
import {
  FunnelDrillQuery,
  FunnelReport,
  PageQuery,
  ReportContactPage,
  ReportRange,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import { funnelContacts, funnelReport, toCsv } from "@voronka/db";
import { authErrors, badRequest, json, notFoundResponse, router } from "../../openapi.ts";
import { base, csvContent, csvHeaders, toRange, withBom } from "./common.ts";

const Params = z.object({ id: z.uuid() });
const notFound = () => new AppError("not_found", "No funnel with this id in this workspace.");

const report = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/funnels/{id}",
  summary: "Funnel report",
  description:
    "For contacts who entered the funnel in the range: how many reached each stage (or further), " +
    "stage-to-stage conversion, median and 90th-percentile time in stage, contacts in each stage " +
    "and stalled now, lost by stage and reason, and weekly entry cohorts. See docs/analytics.md.",
  request: { params: Params, query: ReportRange },
  responses: {
    200: json(FunnelReport, "The report."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const contacts = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/funnels/{id}/contacts",
  summary: "The contacts behind a number of the funnel report",
  request: {
    params: Params,
    query: ReportRange.extend(FunnelDrillQuery.shape).extend(PageQuery.shape),
  },
  responses: {
    200: json(ReportContactPage, "A page of contacts."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const FunnelTable = z.enum(["stages", "lost", "cohorts"]);

const exportCsv = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/funnels/{id}/export.csv",
  summary: "A table of the funnel report as CSV",
  request: { params: Params, query: ReportRange.extend({ table: FunnelTable }) },
  responses: { ...csvContent, ...badRequest, ...authErrors, ...notFoundResponse },
});

export const funnelAnalyticsRoutes = router()
  .openapi(report, async (c) => {
    const { db } = c.get("deps");
    const r = await funnelReport(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      toRange(c.req.valid("query")),
    );
    if (!r) throw notFound();
    return c.json(r, 200);
  })
  .openapi(contacts, async (c) => {
    const { db } = c.get("deps");
    const q = c.req.valid("query");
    const page = await funnelContacts(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      toRange(q),
      { metric: q.metric, stageId: q.stageId, reasonId: q.reasonId, week: q.week },
      { limit: q.limit, offset: q.offset },
    );
    if (!page) throw notFound();
    return c.json(page, 200);
  })
  .openapi(exportCsv, async (c) => {
    const { db } = c.get("deps");
    const q = c.req.valid("query");
    const r = await funnelReport(
      db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
      toRange(q),
    );
    if (!r) throw notFound();
    const open = r.stages.filter((s) => s.kind !== "lost");
    const body =
      q.table === "stages"
        ? toCsv(r.stages, [
            ["stage", (s) => s.name],
            ["kind", (s) => s.kind],
            ["reached", (s) => s.reached],
            ["conversion_from_previous", (s) => s.conversionFromPrevious],
            ["conversion_from_start", (s) => s.conversionFromStart],
            ["finished_visits", (s) => s.finishedVisits],
            ["median_hours", (s) => s.medianHours],
            ["p90_hours", (s) => s.p90Hours],
            ["in_stage_now", (s) => s.now],
            ["stalled_now", (s) => s.stalledNow],
          ])
        : q.table === "lost"
          ? toCsv(r.lostBy, [
              ["lost_at_stage", (l) => l.stageName],
              ["reason", (l) => l.reason],
              ["contacts", (l) => l.contacts],
            ])
          : toCsv(r.cohorts, [
              ["week", (w) => w.week],
              ["entered", (w) => w.entered],
              ...open.map(
                (s, i) =>
                  [`reached_${s.name}`, (w: (typeof r.cohorts)[number]) => w.reached[i]] as const,
              ),
              ["lost", (w) => w.lost],
            ]);
    return c.body(withBom(body), 200, csvHeaders(`funnel-${q.table}`));
  });
