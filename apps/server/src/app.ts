import { AppError } from "@voronka/core";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { ServerDeps } from "./env.ts";
import { notFound, onError } from "./errors.ts";
import { requestLog } from "./middleware/request-log.ts";
import { sameOriginWrites } from "./middleware/same-origin.ts";
import { router } from "./openapi.ts";
import {
  channelAnalyticsRoutes,
  funnelAnalyticsRoutes,
  journeyAnalyticsRoutes,
  rfmAnalyticsRoutes,
} from "./routes/analytics/index.ts";
import { apiKeyRoutes } from "./routes/api-keys.ts";
import { adAccountRoutes } from "./routes/audiences/accounts.ts";
import { audienceRoutes } from "./routes/audiences/audiences.ts";
import { audienceSyncRoutes } from "./routes/audiences/sync.ts";
import { authRoutes } from "./routes/auth.ts";
import { channelSettingsRoutes } from "./routes/channels/settings.ts";
import { contactRoutes } from "./routes/contacts/contacts.ts";
import { exportRoutes } from "./routes/contacts/export.ts";
import { IMPORT_PATH, importRoutes } from "./routes/contacts/imports.ts";
import { docsRoutes } from "./routes/docs.ts";
import { emailLibraryRoutes } from "./routes/email/library.ts";
import { emailLinkRoutes } from "./routes/email/links.ts";
import { emailSettingsRoutes } from "./routes/email/settings.ts";
import { emailTemplateRoutes } from "./routes/email/templates.ts";
import { eventNameRoutes } from "./routes/event-names.ts";
import { funnelRoutes } from "./routes/funnels/funnels.ts";
import { moveRoutes } from "./routes/funnels/moves.ts";
import { stageRoutes } from "./routes/funnels/stages.ts";
import { healthRoutes } from "./routes/health.ts";
import { invitationRoutes } from "./routes/invitations.ts";
import { journeyEnrollmentRoutes } from "./routes/journeys/enrollments.ts";
import { journeyRoutes } from "./routes/journeys/journeys.ts";
import { journeyLifecycleRoutes } from "./routes/journeys/lifecycle.ts";
import { journeyTestRunRoutes } from "./routes/journeys/test-run.ts";
import { journeyVersionRoutes } from "./routes/journeys/versions.ts";
import { leadApiRoutes, leadWebhookRoutes } from "./routes/leads/index.ts";
import { memberRoutes } from "./routes/members.ts";
import { sendingRulesRoutes } from "./routes/sending-rules.ts";
import { taskRoutes } from "./routes/tasks.ts";
import { SEGMENT_PATHS, segmentRoutes } from "./routes/v1/segment.ts";
import { workspaceRoutes } from "./routes/workspace.ts";
import { serveWebApp } from "./static.ts";

/** Builds the HTTP app. No network is opened here; `startServer` or a test calls it. */
export function createApp(deps: ServerDeps) {
  const app = router();
  app.use("*", requestId(), async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", requestLog);
  // A cross-site form post cannot ride on the session cookie.
  app.use("/api/*", sameOriginWrites);
  const apiBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError("payload_too_large", "The request body is larger than 1 MB.");
    },
  });
  // A CSV import carries a whole file: its route sets its own, larger limit.
  app.use("/api/*", (c, next) =>
    c.req.path === IMPORT_PATH && c.req.method === "POST" ? next() : apiBodyLimit(c, next),
  );

  const api = app
    .route("/", healthRoutes)
    .route("/", authRoutes)
    .route("/", workspaceRoutes)
    .route("/", sendingRulesRoutes)
    .route("/", memberRoutes)
    .route("/", invitationRoutes)
    .route("/", apiKeyRoutes)
    .route("/", funnelRoutes)
    .route("/", stageRoutes)
    .route("/", moveRoutes)
    .route("/", leadApiRoutes)
    // The fixed paths first: `/api/contacts/{id}` would otherwise claim `imports` and `export.csv`.
    .route("/", exportRoutes)
    .route("/", importRoutes)
    .route("/", contactRoutes)
    .route("/", eventNameRoutes)
    .route("/", journeyRoutes)
    .route("/", journeyLifecycleRoutes)
    .route("/", journeyEnrollmentRoutes)
    .route("/", journeyTestRunRoutes)
    .route("/", journeyVersionRoutes)
    .route("/", emailLibraryRoutes)
    .route("/", emailTemplateRoutes)
    .route("/", emailSettingsRoutes)
    .route("/", audienceRoutes)
    .route("/", audienceSyncRoutes)
    .route("/", adAccountRoutes)
    .route("/", channelSettingsRoutes)
    .route("/", taskRoutes)
    .route("/", funnelAnalyticsRoutes)
    .route("/", journeyAnalyticsRoutes)
    .route("/", channelAnalyticsRoutes)
    .route("/", rfmAnalyticsRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "secretKey", {
    type: "http",
    scheme: "bearer",
    description: "A workspace secret key (`vk_sk_…`), sent as `Authorization: Bearer <key>`.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "voronka_session",
    description: "The session cookie set by `POST /api/auth/login` (used by the web app).",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Voronka API",
      version: deps.version,
      description:
        "Manage a Voronka workspace. Authenticate with a secret key: `Authorization: Bearer vk_sk_…`. " +
        "Every error has the body `{ error: { code, message, requestId } }`.",
    },
    servers: [{ url: "/" }],
  });
  // Browsers send events straight to /v1 from customers' sites; the write key is public anyway.
  app.use(
    "/v1/*",
    cors({ origin: "*", allowHeaders: ["Authorization", "Content-Type"], maxAge: 86400 }),
  );
  const v1BodyLimit = bodyLimit({
    maxSize: 2 * 1024 * 1024,
    onError: () => {
      throw new AppError("payload_too_large", "The request body is larger than 2 MB.");
    },
  });
  // The Segment routes read their body straight from Node's request, with the same limit.
  app.use("/v1/*", (c, next) => (SEGMENT_PATHS.has(c.req.path) ? next() : v1BodyLimit(c, next)));
  app.route("/", docsRoutes);
  app.route("/", segmentRoutes);
  app.route("/", leadWebhookRoutes);
  app.route("/", emailLinkRoutes);

  app.all("/api/*", (c) => notFound(c));
  app.all("/v1/*", (c) => notFound(c));
  if (deps.webDist) serveWebApp(app, deps.webDist);
  app.notFound(notFound);
  app.onError(onError);
  return api;
}

export type AppType = ReturnType<typeof createApp>;
