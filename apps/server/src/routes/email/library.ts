import { createRoute, z } from "@hono/zod-openapi";
import {
  CreateEmailTopicBody,
  CreateFromStarterBody,
  EmailPartial,
  EmailStarter,
  EmailTemplate,
  EmailTopic,
  PartialName,
  SaveEmailPartialBody,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  createEmailTemplate,
  createEmailTopic,
  deleteEmailTopic,
  type EmailPartial as EmailPartialRow,
  type EmailTopic as EmailTopicRow,
  listEmailPartials,
  listEmailTopics,
  saveEmailPartial,
} from "@voronka/db";
import { STARTERS, starter, validatePartial } from "@voronka/email";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { assertTopic, currentPartials, raiseIssues, slugUnique, toTemplate } from "./dto.ts";

const base = { tags: ["Email"], middleware: [requireAuth], security: secured };

const toPartial = (p: EmailPartialRow) => ({
  name: p.name,
  version: p.version,
  mjml: p.mjml,
  updatedAt: p.createdAt.toISOString(),
});
const toTopic = (t: EmailTopicRow) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  createdAt: t.createdAt.toISOString(),
});

const listPartials = createRoute({
  ...base,
  method: "get",
  path: "/api/email/partials",
  summary: "List partials (shared header/footer blocks)",
  responses: {
    200: json(z.object({ data: z.array(EmailPartial) }), "Partials, current versions."),
    ...authErrors,
  },
});

const savePartial = createRoute({
  ...base,
  method: "put",
  path: "/api/email/partials/{name}",
  summary: "Create or change a partial",
  description:
    'Templates include it with `<mj-include path="name" />`. Every change adds a version; journeys already published keep the version current when they were published. The MJML is body-level blocks (`<mj-section>`, `<mj-wrapper>`); errors come back per line in `details`.',
  request: {
    params: z.object({ name: PartialName }),
    body: { ...json(SaveEmailPartialBody, "The partial's MJML."), required: true },
  },
  responses: { 200: json(EmailPartial, "The saved version."), ...badRequest, ...authErrors },
});

const listTopics = createRoute({
  ...base,
  method: "get",
  path: "/api/email/topics",
  summary: "List subscription topics",
  responses: {
    200: json(z.object({ data: z.array(EmailTopic) }), "Topics, oldest first."),
    ...authErrors,
  },
});

const createTopic = createRoute({
  ...base,
  method: "post",
  path: "/api/email/topics",
  summary: "Create a subscription topic",
  description:
    "People can leave one topic on the preference page behind the unsubscribe link and keep the others. A template belongs to at most one topic (`topicId`).",
  request: { body: { ...json(CreateEmailTopicBody, "The topic."), required: true } },
  responses: { 201: json(EmailTopic, "The new topic."), ...badRequest, ...authErrors },
});

const deleteTopic = createRoute({
  ...base,
  method: "delete",
  path: "/api/email/topics/{id}",
  summary: "Delete a subscription topic",
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    204: { description: "Deleted." },
    ...badRequest,
    ...authErrors,
    ...notFoundResponse,
  },
});

const listStarters = createRoute({
  ...base,
  method: "get",
  path: "/api/email/starters",
  summary: "Starter templates for the funnel kits",
  responses: {
    200: json(z.object({ data: z.array(EmailStarter) }), "Starters."),
    ...authErrors,
  },
});

const fromStarter = createRoute({
  ...base,
  method: "post",
  path: "/api/email/templates/from-starter",
  summary: "Create a template from a starter",
  request: { body: { ...json(CreateFromStarterBody, "The starter and names."), required: true } },
  responses: {
    201: json(EmailTemplate, "The new template (version 1)."),
    ...badRequest,
    ...authErrors,
  },
});

/** Partials, topics and starters of the email channel. */
export const emailLibraryRoutes = router()
  .openapi(listPartials, async (c) => {
    const rows = await listEmailPartials(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ data: rows.map(toPartial) }, 200);
  })
  .openapi(savePartial, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { name } = c.req.valid("param");
    const { mjml } = c.req.valid("json");
    const others = await currentPartials(db, workspaceId);
    others.delete(name);
    raiseIssues(await validatePartial(mjml, others));
    return c.json(toPartial(await saveEmailPartial(db, workspaceId, name, mjml)), 200);
  })
  .openapi(listTopics, async (c) => {
    const rows = await listEmailTopics(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ data: rows.map(toTopic) }, 200);
  })
  .openapi(createTopic, async (c) => {
    const row = await createEmailTopic(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("json"),
    );
    return c.json(toTopic(row), 201);
  })
  .openapi(deleteTopic, async (c) => {
    const gone = await deleteEmailTopic(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
    );
    if (!gone) throw new AppError("not_found", "No topic with this id in this workspace.");
    return c.body(null, 204);
  })
  .openapi(listStarters, (c) => c.json({ data: [...STARTERS] }, 200))
  .openapi(fromStarter, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const body = c.req.valid("json");
    const s = starter(body.starter);
    if (!s) {
      throw new AppError("validation_failed", "No such starter template.", {
        details: [{ path: "starter", message: `Known: ${STARTERS.map((x) => x.id).join(", ")}` }],
      });
    }
    await assertTopic(db, workspaceId, body.topicId);
    const row = await slugUnique(() =>
      createEmailTemplate(db, workspaceId, {
        name: body.name ?? s.name,
        slug: body.slug,
        topicId: body.topicId,
        subject: s.subject,
        preheader: s.preheader,
        mjml: s.mjml,
      }),
    );
    return c.json(toTemplate(row), 201);
  });
