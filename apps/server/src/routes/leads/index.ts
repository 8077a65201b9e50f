import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { router } from "../../openapi.ts";
import { apiLeadRoutes } from "./api-leads.ts";
import { callRoutes } from "./calls.ts";
import { formRoutes } from "./forms.ts";
import { leadSourceRoutes } from "./sources.ts";
import { telegramRoutes } from "./telegram.ts";
import { testLeadRoutes } from "./test-lead.ts";
import { viberRoutes } from "./viber.ts";
import { whatsappRoutes } from "./whatsapp.ts";

/** `/api/lead-sources` and `/api/leads`: secret key or session, in the OpenAPI document. */
export const leadApiRoutes = router()
  .route("/", leadSourceRoutes)
  .route("/", testLeadRoutes)
  .route("/", apiLeadRoutes);

/**
 * Public `/v1/leads/...` endpoints, identified by a source's unguessable public id: web forms
 * (CORS comes from the app's `/v1/*` middleware) and provider webhooks, each checking its
 * provider's signature.
 */
export const leadWebhookRoutes = new Hono<AppEnv>()
  .route("/", formRoutes)
  .route("/", telegramRoutes)
  .route("/", whatsappRoutes)
  .route("/", viberRoutes)
  .route("/", callRoutes);
