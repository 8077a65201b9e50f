import { createRoute, z } from "@hono/zod-openapi";
import {
  CreateEmailTemplateBody,
  EmailTemplate,
  EmailTemplateSummary,
  PreviewEmailBody,
  RenderedEmail,
  TestSendBody,
  TestSendResult,
  UpdateEmailTemplateBody,
} from "@voronka/contract";
import { AppError } from "@voronka/core";
import {
  createEmailTemplate,
  deleteEmailTemplate,
  listEmailTemplates,
  updateEmailTemplate,
} from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, notFoundResponse, router, secured } from "../../openapi.ts";
import { renderFor, testSend } from "./compose.ts";
import {
  assertTopic,
  assertValidTemplate,
  loadTemplate,
  slugUnique,
  TemplateParams,
  toSummary,
  toTemplate,
} from "./dto.ts";

const base = { tags: ["Email"], middleware: [requireAuth], security: secured };
const withId = { ...badRequest, ...authErrors, ...notFoundResponse };

const list = createRoute({
  ...base,
  method: "get",
  path: "/api/email/templates",
  summary: "List email templates",
  responses: {
    200: json(z.object({ data: z.array(EmailTemplateSummary) }), "Templates, newest first."),
    ...authErrors,
  },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/api/email/templates",
  summary: "Create an email template (version 1)",
  description:
    "MJML body, subject and preheader with Liquid (`{{ contact.firstName }}`, `{{ contact.traits.x }}`, `{{ vars.x }}`, `{{ unsubscribe_url }}`). Values are HTML-escaped unless `| raw`. MJML and Liquid errors come back per line in `details`.",
  request: { body: { ...json(CreateEmailTemplateBody, "The template."), required: true } },
  responses: { 201: json(EmailTemplate, "The new template."), ...badRequest, ...authErrors },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/api/email/templates/{id}",
  summary: "An email template with its current version",
  request: { params: TemplateParams },
  responses: { 200: json(EmailTemplate, "The template."), ...withId },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/api/email/templates/{id}",
  summary: "Save a new version of an email template",
  description:
    "Every content change adds a version; journeys already published keep sending the version that was current when they were published.",
  request: {
    params: TemplateParams,
    body: { ...json(UpdateEmailTemplateBody, "Fields to change."), required: true },
  },
  responses: { 200: json(EmailTemplate, "The template."), ...withId },
});

const remove = createRoute({
  ...base,
  method: "delete",
  path: "/api/email/templates/{id}",
  summary: "Delete an email template and its versions",
  request: { params: TemplateParams },
  responses: { 204: { description: "Deleted." }, ...withId },
});

const preview = createRoute({
  ...base,
  method: "post",
  path: "/api/email/templates/{id}/preview",
  summary: "Render the template for a contact",
  request: {
    params: TemplateParams,
    body: { ...json(PreviewEmailBody, "The contact and template variables."), required: true },
  },
  responses: { 200: json(RenderedEmail, "Subject, preheader, HTML and text."), ...withId },
});

const send = createRoute({
  ...base,
  method: "post",
  path: "/api/email/templates/{id}/test-send",
  summary: "Send the template to an address now",
  description:
    "Renders for `contactId` (or a sample contact) and sends through the workspace's SMTP server, `SMTP_URL`, or into the dev mailbox.",
  request: {
    params: TemplateParams,
    body: { ...json(TestSendBody, "Recipient, optional contact and variables."), required: true },
  },
  responses: { 200: json(TestSendResult, "Handed over."), ...withId },
});

export const emailTemplateRoutes = router()
  .openapi(list, async (c) => {
    const rows = await listEmailTemplates(c.get("deps").db, c.get("auth").workspaceId);
    return c.json({ data: rows.map(toSummary) }, 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid("json");
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    await assertValidTemplate(db, workspaceId, body);
    await assertTopic(db, workspaceId, body.topicId);
    const row = await slugUnique(() => createEmailTemplate(db, workspaceId, body));
    return c.json(toTemplate(row), 201);
  })
  .openapi(get, async (c) => {
    const row = await loadTemplate(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
    );
    return c.json(toTemplate(row), 200);
  })
  .openapi(update, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const current = await loadTemplate(db, workspaceId, id);
    await assertValidTemplate(db, workspaceId, { ...current, ...patch });
    await assertTopic(db, workspaceId, patch.topicId);
    const row = await slugUnique(() => updateEmailTemplate(db, workspaceId, id, patch));
    if (!row) throw new AppError("not_found", "No email template with this id in this workspace.");
    return c.json(toTemplate(row), 200);
  })
  .openapi(remove, async (c) => {
    const gone = await deleteEmailTemplate(
      c.get("deps").db,
      c.get("auth").workspaceId,
      c.req.valid("param").id,
    );
    if (!gone) throw new AppError("not_found", "No email template with this id in this workspace.");
    return c.body(null, 204);
  })
  .openapi(preview, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const template = await loadTemplate(db, workspaceId, c.req.valid("param").id);
    const { contactId, vars } = c.req.valid("json");
    return c.json(await renderFor(db, workspaceId, template, contactId, vars), 200);
  })
  .openapi(send, async (c) => {
    const { db } = c.get("deps");
    const { workspaceId } = c.get("auth");
    const template = await loadTemplate(db, workspaceId, c.req.valid("param").id);
    const { to, contactId, vars } = c.req.valid("json");
    return c.json(await testSend(db, workspaceId, template, to, contactId, vars), 200);
  });
