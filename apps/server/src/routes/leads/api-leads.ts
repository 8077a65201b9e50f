import { createRoute, type z } from "@hono/zod-openapi";
import { AppError } from "@voronka/core";
import {
  type CaptureResult,
  captureLead,
  getLeadSource,
  type Identity,
  identity,
  type LeadChannel,
  type Utm,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { CapturedLead, CreateLeadBody } from "./schemas.ts";
import { checkLeadTarget } from "./target.ts";

/** The API shape of a capture result. */
export function toCapturedLead(result: CaptureResult): z.infer<typeof CapturedLead> {
  const { lead } = result;
  return {
    lead: {
      id: lead.id,
      channel: lead.channel,
      sourceId: lead.sourceId,
      contactId: lead.contactId,
      dedupeKey: lead.dedupeKey,
      utm: lead.utm,
      createdAt: lead.createdAt.toISOString(),
    },
    duplicate: result.duplicate,
    placement: result.placement,
  };
}

const create = createRoute({
  method: "post",
  path: "/api/leads",
  tags: ["Leads"],
  summary: "Capture a lead",
  description:
    "The API channel: push a lead from your own system. The contact is found or created by " +
    "email, phone, userId or messenger handles, gets a `Lead Captured` event and enters the " +
    "funnel (the given stage, the source's, or the first open stage of the workspace's oldest " +
    "funnel). Sending the same `externalId` again returns the first lead with `duplicate: true`.",
  middleware: [requireAuth] as const,
  security: secured,
  request: { body: { ...json(CreateLeadBody, "Contact fields, UTM, target."), required: true } },
  responses: {
    201: json(CapturedLead, "The lead was captured."),
    200: json(CapturedLead, "Already captured under this externalId: nothing changed."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

export const apiLeadRoutes = router().openapi(create, async (c) => {
  const body = c.req.valid("json");
  const { db } = c.get("deps");
  const workspaceId = c.get("auth").workspaceId;
  const source = body.sourceId ? await getLeadSource(db, workspaceId, body.sourceId) : undefined;
  if (body.sourceId && !source) {
    throw new AppError("not_found", "No lead source with this id in this workspace.");
  }
  const phone = body.phone ? identity("phone", body.phone) : undefined;
  if (body.phone && !phone) {
    throw new AppError("validation_failed", "The phone number is not usable.", {
      details: [{ path: "phone", message: "Expected 6 to 15 digits" }],
    });
  }
  const handles = Object.fromEntries(
    Object.entries(body.handles ?? {}).filter((e): e is [string, string] => !!e[1]),
  );
  const identities = [
    identity("user_id", body.userId),
    identity("email", body.email),
    phone,
    identity("telegram", handles.telegram),
    identity("whatsapp", handles.whatsapp),
    identity("viber", handles.viber),
  ].filter((i): i is Identity => !!i);
  if (identities.length === 0) {
    throw new AppError("validation_failed", "A lead needs a way to reach the person.", {
      details: [{ path: "(body)", message: "Give email, phone, userId or a messenger handle" }],
    });
  }
  const target = await checkLeadTarget(db, workspaceId, {
    funnelId: body.funnelId ?? null,
    stageId: body.stageId ?? null,
  });
  const channel: LeadChannel = body.channel ?? source?.channel ?? "api";
  const utm: Utm = {};
  if (body.utm?.source) utm.utm_source = body.utm.source;
  if (body.utm?.medium) utm.utm_medium = body.utm.medium;
  if (body.utm?.campaign) utm.utm_campaign = body.utm.campaign;
  if (body.utm?.term) utm.utm_term = body.utm.term;
  if (body.utm?.content) utm.utm_content = body.utm.content;
  const result = await captureLead(db, workspaceId, {
    source,
    channel,
    // Without an external id every call is a new lead.
    dedupeKey: body.externalId ? `ext:${body.externalId}` : `api:${crypto.randomUUID()}`,
    identities,
    patch: {
      name: body.name ?? ([body.firstName, body.lastName].filter(Boolean).join(" ") || undefined),
      firstName: body.firstName,
      lastName: body.lastName,
      email: identities.find((i) => i.kind === "email")?.value,
      phone: phone?.value,
      handles,
    },
    utm,
    payload: body,
    properties: { ...body.properties, ...(body.message ? { message: body.message } : {}) },
    occurredAt: body.occurredAt ? new Date(body.occurredAt) : undefined,
    funnelId: target.funnelId,
    stageId: target.stageId,
  });
  return c.json(toCapturedLead(result), result.duplicate ? 200 : 201);
});
