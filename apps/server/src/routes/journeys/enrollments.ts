import { createRoute, z } from "@hono/zod-openapi";
import {
  BulkEnrollBody,
  BulkEnrollment,
  EnrollmentFilter,
  ManualEnrollBody,
  ManualEnrollResult,
  MigrateVersionsResult,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  type BulkEnrollmentRow,
  createBulkEnrollment,
  enrollContactManually,
  getBulkEnrollment,
  listBulkEnrollments,
  migrateWaitingRuns,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import {
  authErrors,
  badRequest,
  conflictResponse,
  json,
  notFoundResponse,
  router,
  secured,
} from "../../openapi.ts";
import { JourneyParams, loadJourney } from "./dto.ts";

const base = { tags: ["Journeys"], middleware: [requireAuth], security: secured };
const errors = { ...badRequest, ...authErrors, ...notFoundResponse, ...conflictResponse };

const enrollOne = createRoute({
  ...base,
  method: "post",
  path: "/api/journeys/{id}/enrollments",
  summary: "Enroll one contact by hand",
  description:
    'The journey must be live and have a "Manual enrollment" trigger (409 otherwise). The journey\'s re-entry rule applies: a contact it keeps out is not enrolled, and `reason` says why.',
  request: {
    params: JourneyParams,
    body: { ...json(ManualEnrollBody, "The contact to enroll."), required: true },
  },
  responses: { 200: json(ManualEnrollResult, "Whether the contact was enrolled."), ...errors },
});

const startBulk = createRoute({
  ...base,
  method: "post",
  path: "/api/journeys/{id}/bulk-enrollments",
  summary: "Enroll a filtered set of contacts, in the background",
  description:
    "Takes the contacts matching the filter (the contacts-list filters, an attribute, or up to 10,000 ids; all filters combine) and enrolls them batch by batch in a background job, honouring the journey's re-entry rule. Poll the returned job for progress.",
  request: {
    params: JourneyParams,
    body: { ...json(BulkEnrollBody, "Which contacts to enroll."), required: true },
  },
  responses: { 202: json(BulkEnrollment, "The queued job."), ...errors },
});

const BulkParams = JourneyParams.extend({ bulkId: z.uuid() });

const getBulk = createRoute({
  ...base,
  method: "get",
  path: "/api/journeys/{id}/bulk-enrollments/{bulkId}",
  summary: "Progress of a bulk enrollment",
  request: { params: BulkParams },
  responses: { 200: json(BulkEnrollment, "The job and its counts."), ...errors },
});

const listBulk = createRoute({
  ...base,
  method: "get",
  path: "/api/journeys/{id}/bulk-enrollments",
  summary: "A journey's bulk enrollments, newest first",
  request: { params: JourneyParams },
  responses: {
    200: json(z.object({ data: z.array(BulkEnrollment) }), "The latest 50 jobs."),
    ...errors,
  },
});

const migrate = createRoute({
  ...base,
  method: "post",
  path: "/api/journeys/{id}/migrate-waiting",
  summary: "Move contacts waiting in older versions to the current version",
  description:
    "A contact waiting at a step that still exists in the current version (same id and kind, waiting for the same thing) continues there, keeping its timers and A/B branches; the others finish on their version. Emails already sent are not sent again.",
  request: { params: JourneyParams },
  responses: { 200: json(MigrateVersionsResult, "How many moved and stayed."), ...errors },
});

function toBulk(row: BulkEnrollmentRow): BulkEnrollment {
  return {
    id: row.id,
    journeyId: row.journeyId,
    status: row.status,
    // Written from a validated body; parsed again so the response never carries anything else.
    filter: EnrollmentFilter.parse(row.filter),
    total: row.total,
    enrolled: row.enrolled,
    skipped: row.skipped,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export const journeyEnrollmentRoutes = router()
  .openapi(enrollOne, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    const { contactId } = c.req.valid("json");
    await loadJourney(db, workspaceId, id);
    const r = await enrollContactManually(db, workspaceId, id, contactId);
    return c.json({ contactId, enrolled: r.enrolled, reason: r.enrolled ? null : r.reason }, 200);
  })
  .openapi(startBulk, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadJourney(db, workspaceId, id);
    const row = await createBulkEnrollment(db, workspaceId, id, c.req.valid("json").filter);
    return c.json(toBulk(row), 202);
  })
  .openapi(getBulk, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id, bulkId } = c.req.valid("param");
    const row = await getBulkEnrollment(db, workspaceId, bulkId);
    if (!row || row.journeyId !== id) {
      throw new AppError("not_found", "No such bulk enrollment for this journey.");
    }
    return c.json(toBulk(row), 200);
  })
  .openapi(listBulk, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadJourney(db, workspaceId, id);
    const rows = await listBulkEnrollments(db, workspaceId, id);
    return c.json({ data: rows.map(toBulk) }, 200);
  })
  .openapi(migrate, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    await loadJourney(db, workspaceId, id);
    return c.json(await migrateWaitingRuns(db, workspaceId, id), 200);
  });
