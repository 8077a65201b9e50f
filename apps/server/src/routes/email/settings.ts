import { createRoute, z } from "@hono/zod-openapi";
import {
  DevMailboxMessage,
  EmailSettings,
  GenerateDkimBody,
  UpdateEmailSettingsBody,
} from "@voronka/contract";
import {
  getEmailSettings,
  listDevMailbox,
  type EmailSettings as SettingsRow,
  saveEmailSettings,
} from "@voronka/db";
import { dkimDnsRecord, generateDkimKey } from "@voronka/email";
import { requireAuth } from "../../middleware/auth.ts";
import { authErrors, badRequest, json, router, secured } from "../../openapi.ts";

const base = { tags: ["Email"], middleware: [requireAuth], security: secured };

/** What the API shows of the settings: never the SMTP password or the DKIM private key. */
function toSettings(row: SettingsRow): z.infer<typeof EmailSettings> {
  const dkim =
    row.dkimDomain && row.dkimSelector && row.dkimPublicKey
      ? {
          domain: row.dkimDomain,
          selector: row.dkimSelector,
          dnsRecord: dkimDnsRecord(row.dkimDomain, row.dkimSelector, row.dkimPublicKey),
        }
      : null;
  return {
    fromName: row.fromName,
    fromAddress: row.fromAddress,
    smtpConfigured: row.smtpUrl !== null,
    dkim,
  };
}

const get = createRoute({
  ...base,
  method: "get",
  path: "/api/email/settings",
  summary: "Sender, SMTP and DKIM settings of the workspace",
  responses: { 200: json(EmailSettings, "The settings (secrets left out)."), ...authErrors },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/api/email/settings",
  summary: "Change the sender or the SMTP server",
  request: { body: { ...json(UpdateEmailSettingsBody, "Fields to change."), required: true } },
  responses: { 200: json(EmailSettings, "The settings."), ...badRequest, ...authErrors },
});

const dkim = createRoute({
  ...base,
  method: "post",
  path: "/api/email/dkim",
  summary: "Generate a DKIM key (RSA 2048) and get the DNS record to publish",
  description:
    "Replaces any earlier key. Publish `dkim.dnsRecord` (TXT at `<selector>._domainkey.<domain>`); messages are signed from now on.",
  request: { body: { ...json(GenerateDkimBody, "Signing domain and selector."), required: true } },
  responses: {
    201: json(EmailSettings, "The settings with the DNS record."),
    ...badRequest,
    ...authErrors,
  },
});

const mailbox = createRoute({
  ...base,
  method: "get",
  path: "/api/email/mailbox",
  summary: "The dev mailbox: emails stored instead of sent (no SMTP configured)",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      before: z.coerce.number().int().positive().optional(),
    }),
  },
  responses: {
    200: json(z.object({ data: z.array(DevMailboxMessage) }), "Newest first."),
    ...badRequest,
    ...authErrors,
  },
});

export const emailSettingsRoutes = router()
  .openapi(get, async (c) => {
    return c.json(
      toSettings(await getEmailSettings(c.get("deps").db, c.get("auth").workspaceId)),
      200,
    );
  })
  .openapi(update, async (c) => {
    const body = c.req.valid("json");
    const row = await saveEmailSettings(c.get("deps").db, c.get("auth").workspaceId, body);
    return c.json(toSettings(row), 200);
  })
  .openapi(dkim, async (c) => {
    const { domain, selector } = c.req.valid("json");
    const key = generateDkimKey();
    const row = await saveEmailSettings(c.get("deps").db, c.get("auth").workspaceId, {
      dkimDomain: domain.toLowerCase(),
      dkimSelector: selector.toLowerCase(),
      dkimPrivateKey: key.privateKeyPem,
      dkimPublicKey: key.publicKey,
    });
    return c.json(toSettings(row), 201);
  })
  .openapi(mailbox, async (c) => {
    const { limit, before } = c.req.valid("query");
    const rows = await listDevMailbox(c.get("deps").db, c.get("auth").workspaceId, {
      limit,
      before,
    });
    return c.json(
      {
        data: rows.map((r) => ({
          id: r.id,
          messageId: r.messageId,
          to: r.toAddress,
          from: r.fromAddress,
          subject: r.subject,
          html: r.html,
          text: r.text,
          createdAt: r.createdAt.toISOString(),
        })),
      },
      200,
    );
  });
