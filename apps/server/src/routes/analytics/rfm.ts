import { createRoute, z } from "@hono/zod-openapi";
import { PageQuery, ReportContactPage, RfmReport, RfmSelectionQuery } from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  enrollRfmSegment,
  type RfmSelection,
  refreshRfm,
  rfmContacts,
  rfmReport,
  toCsv,
} from "@voronka/db";
import { authErrors, badRequest, json, notFoundResponse, router } from "../../openapi.ts";
import { base, csvContent, csvHeaders, withBom } from "./common.ts";

const report = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/rfm",
  summary: "RFM grid",
  description:
    "Customers on the 5 × 5 recency × frequency grid with named segments, from the stored scores " +
    "(`computedAt`). The first read computes them; `POST /api/analytics/rfm/refresh` recomputes.",
  responses: { 200: json(RfmReport, "The grid."), ...authErrors },
});

const refresh = createRoute({
  ...base,
  method: "post",
  path: "/api/analytics/rfm/refresh",
  summary: "Recompute RFM scores from purchase events",
  responses: { 200: json(RfmReport, "The new grid."), ...authErrors },
});

const contacts = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/rfm/contacts",
  summary: "Contacts of an RFM segment or cell",
  request: { query: RfmSelectionQuery.extend(PageQuery.shape) },
  responses: { 200: json(ReportContactPage, "A page of contacts."), ...badRequest, ...authErrors },
});

const enroll = createRoute({
  ...base,
  method: "post",
  path: "/api/analytics/rfm/enroll",
  summary: "Enroll an RFM segment (or cell) into a journey",
  description:
    "The journey must be live and start with a “Manual / API enrollment” trigger; its re-entry rule applies.",
  request: {
    body: {
      ...json(
        RfmSelectionQuery.extend({ journeyId: z.uuid() }),
        "Segment or cell, and the journey.",
      ),
      required: true,
    },
  },
  responses: {
    200: json(z.object({ enrolled: z.number().int(), contacts: z.number().int() }), "Enrolled."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const exportCsv = createRoute({
  ...base,
  method: "get",
  path: "/api/analytics/rfm/export.csv",
  summary: "The RFM grid, the segments, or a segment's contacts as CSV",
  request: {
    query: RfmSelectionQuery.extend({ table: z.enum(["grid", "segments", "contacts"]) }),
  },
  responses: { ...csvContent, ...badRequest, ...authErrors },
});

function selection(q: z.infer<typeof RfmSelectionQuery>): RfmSelection {
  if (q.segment) return { segment: q.segment };
  if (q.recency !== undefined && q.frequency !== undefined) {
    return { recency: q.recency, frequency: q.frequency };
  }
  throw new AppError("validation_failed", "Choose a segment or a cell of the grid.", {
    details: [{ path: "segment", message: "Give `segment`, or both `recency` and `frequency`." }],
  });
}

export const rfmAnalyticsRoutes = router()
  .openapi(report, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    let r = await rfmReport(db, workspaceId);
    if (r.computedAt === null) {
      await refreshRfm(db, workspaceId);
      r = await rfmReport(db, workspaceId);
    }
    return c.json(r, 200);
  })
  .openapi(refresh, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    await refreshRfm(db, workspaceId);
    return c.json(await rfmReport(db, workspaceId), 200);
  })
  .openapi(contacts, async (c) => {
    const { db } = c.get("deps");
    const q = c.req.valid("query");
    const page = await rfmContacts(db, c.get("auth").workspaceId, selection(q), {
      limit: q.limit,
      offset: q.offset,
    });
    return c.json(page, 200);
  })
  .openapi(enroll, async (c) => {
    const { db } = c.get("deps");
    const body = c.req.valid("json");
    const r = await enrollRfmSegment(
      db,
      c.get("auth").workspaceId,
      selection(body),
      body.journeyId,
    );
    if (r.ok) return c.json({ enrolled: r.enrolled, contacts: r.contacts }, 200);
    switch (r.reason) {
      case "journey_not_found":
        throw new AppError("not_found", "No journey with this id in this workspace.");
      case "journey_not_live":
        throw new AppError("validation_failed", "Publish the journey first: it is not live.", {
          details: [{ path: "journeyId", message: "The journey is not live." }],
        });
      case "no_manual_trigger":
        throw new AppError(
          "validation_failed",
          "The journey has no “Manual / API enrollment” trigger to enter by.",
          { details: [{ path: "journeyId", message: "Add a manual enrollment trigger." }] },
        );
    }
  })
  .openapi(exportCsv, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const q = c.req.valid("query");
    let body: string;
    if (q.table === "contacts") {
      const page = await rfmContacts(db, workspaceId, selection(q), { limit: 100_000, offset: 0 });
      body = toCsv(page.contacts, [
        ["id", (x) => x.id],
        ["name", (x) => x.name],
        ["email", (x) => x.email],
        ["phone", (x) => x.phone],
      ]);
    } else {
      const r = await rfmReport(db, workspaceId);
      body =
        q.table === "grid"
          ? toCsv(r.cells, [
              ["recency", (x) => x.recency],
              ["frequency", (x) => x.frequency],
              ["segment", (x) => x.segment],
              ["contacts", (x) => x.contacts],
              ["average_monetary_score", (x) => x.monetary],
              ["average_revenue", (x) => x.revenue],
            ])
          : toCsv(r.segments, [
              ["segment", (x) => x.segment],
              ["contacts", (x) => x.contacts],
              ["average_revenue", (x) => x.revenue],
            ]);
    }
    return c.body(withBom(body), 200, csvHeaders(`rfm-${q.table}`));
  });
