import { createRoute, z } from "@hono/zod-openapi";
import { ErrorEnvelope } from "@voronka/contract";
import { AppError } from "@voronka/core";
import { findLeadOutcome, getLeadSource } from "@voronka/db";
import { Hono } from "hono";
import type { AppEnv, ServerDeps } from "../../env.ts";
import { onError } from "../../errors.ts";
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
import { callRoutes } from "./calls.ts";
import { publicOrigin, toLeadSource } from "./dto.ts";
import { formRoutes } from "./forms.ts";
import { TestLeadResult } from "./schemas.ts";
import { telegramRoutes } from "./telegram.ts";
import { sampleDelivery } from "./test-lead-samples.ts";
import { viberRoutes } from "./viber.ts";
import { whatsappRoutes } from "./whatsapp.ts";

const route = createRoute({
  tags: ["Lead sources"],
  middleware: [requireAuth],
  security: secured,
  method: "post",
  path: "/api/lead-sources/{id}/test-lead",
  summary: "Send a test lead",
  description:
    "Builds a sample delivery in the provider's own format (a Telegram update, a WhatsApp " +
    "message webhook, a Viber callback, a call, or a form submission), signs it with the " +
    "source's secret the way the provider does, and posts it to the source's own public " +
    "endpoint, so it takes the same path as a real lead: a contact named Test Lead is created " +
    "or found and put in the source's funnel stage. Each call is a new lead.",
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: json(TestLeadResult, "The lead the webhook stored, its contact and stage."),
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
    ...conflictResponse,
    429: json(ErrorEnvelope, "Too many test leads for a web form in a minute."),
  },
});

/** The public lead endpoints, as the app serves them, for a delivery made from inside. */
function webhookApp(deps: ServerDeps, requestId: string) {
  return new Hono<AppEnv>()
    .use("*", async (c, next) => {
      c.set("deps", deps);
      c.set("requestId", requestId);
      await next();
    })
    .route("/", formRoutes)
    .route("/", telegramRoutes)
    .route("/", whatsappRoutes)
    .route("/", viberRoutes)
    .route("/", callRoutes)
    .onError(onError);
}

/** `POST /api/lead-sources/{id}/test-lead`: a sample lead through the source's own webhook. */
export const testLeadRoutes = router().openapi(route, async (c) => {
  const deps = c.get("deps");
  const workspaceId = c.get("auth").workspaceId;
  const row = await getLeadSource(deps.db, workspaceId, c.req.valid("param").id);
  if (!row) throw new AppError("not_found", "No lead source with this id in this workspace.");
  const origin = publicOrigin(c);
  const endpoint = toLeadSource(row, origin).endpoint;
  const sample = sampleDelivery(row.channel, row);
  if (!endpoint || !sample) {
    throw new AppError("validation_failed", "This kind of source has no webhook to test.", {
      details: [{ path: "id", message: `A ${row.channel} source receives leads through the API` }],
    });
  }
  const res = await webhookApp(deps, c.get("requestId")).request(`${origin}${endpoint.path}`, {
    method: "POST",
    headers: sample.headers,
    body: sample.body,
  });
  if (!res.ok) {
    const envelope = ErrorEnvelope.safeParse(await res.json().catch(() => undefined));
    const reason = envelope.success ? envelope.data.error.message : `HTTP ${res.status}`;
    // A refused signature is the source's set-up at fault, not the caller's session: a 409,
    // never a 401 that would sign the user out.
    const code =
      envelope.success && envelope.data.error.code === "rate_limited" ? "rate_limited" : "conflict";
    throw new AppError(code, `The source's webhook refused the test lead: ${reason}`);
  }
  const outcome = await findLeadOutcome(deps.db, workspaceId, row.channel, sample.dedupeKey);
  if (!outcome) {
    throw new AppError("internal", "The webhook accepted the test lead but did not store it.");
  }
  return c.json({ ...outcome, webhookStatus: res.status }, 200);
});
