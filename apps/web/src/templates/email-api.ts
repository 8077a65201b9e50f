import {
  DevMailboxMessage,
  EmailPartial,
  EmailSettings,
  EmailStarter,
  EmailTemplate,
  EmailTemplateSummary,
  RenderedEmail,
  TestSendResult,
  type UpdateEmailTemplateBody,
} from "@voronka/contract";
import { request, requestNoContent, type Schema } from "../api/client.ts";

/** `{ data: T[] }` checked item by item with the contract's schema. */
function listOf<T>(item: { array(): Schema<T[]> }): Schema<{ data: T[] }> {
  const items = item.array();
  return {
    safeParse(data: unknown) {
      const list = (data as { data?: unknown } | undefined)?.data; // checked by `items` below
      const parsed = items.safeParse(list);
      return parsed.success ? { success: true, data: { data: parsed.data } } : { success: false };
    },
  };
}

const id = (value: string) => encodeURIComponent(value);

type Rendered = ReturnType<typeof RenderedEmail.parse>;
type Sent = ReturnType<typeof TestSendResult.parse>;
type Settings = ReturnType<typeof EmailSettings.parse>;
type Message = ReturnType<typeof DevMailboxMessage.parse>;
/** `smtpUrl: null` goes back to the server default (SMTP_URL or the dev mailbox). */
type SettingsPatch = { fromName?: string; fromAddress?: string; smtpUrl?: string | null };
type CreateBody = { name: string; subject: string; preheader?: string; mjml: string };

const TemplateList = listOf<EmailTemplateSummary>(EmailTemplateSummary);
const Rendered: Schema<Rendered> = RenderedEmail;
const Sent: Schema<Sent> = TestSendResult;
const Settings: Schema<Settings> = EmailSettings;
const Mailbox = listOf<Message>(DevMailboxMessage);
const Starters = listOf<EmailStarter>(EmailStarter);
const Partials = listOf<EmailPartial>(EmailPartial);

/** Typed calls to the email API (templates, preview, test send, settings, dev mailbox). */
export const emailApi = {
  listTemplates: () => request("GET", "/api/email/templates", TemplateList),
  template: (templateId: string) =>
    request("GET", `/api/email/templates/${id(templateId)}`, EmailTemplate),
  createTemplate: (body: CreateBody) =>
    request("POST", "/api/email/templates", EmailTemplate, body),
  updateTemplate: (templateId: string, body: UpdateEmailTemplateBody) =>
    request("PATCH", `/api/email/templates/${id(templateId)}`, EmailTemplate, body),
  starters: () => request("GET", "/api/email/starters", Starters),
  createFromStarter: (starter: string) =>
    request("POST", "/api/email/templates/from-starter", EmailTemplate, { starter }),
  deleteTemplate: (templateId: string) =>
    requestNoContent("DELETE", `/api/email/templates/${id(templateId)}`),
  preview: (templateId: string, contactId: string) =>
    request("POST", `/api/email/templates/${id(templateId)}/preview`, Rendered, {
      contactId,
      vars: {},
    }),
  testSend: (templateId: string, to: string, contactId?: string) =>
    request("POST", `/api/email/templates/${id(templateId)}/test-send`, Sent, {
      to,
      contactId,
      vars: {},
    }),

  /** Shared blocks (MJML partials), current versions. */
  partials: () => request("GET", "/api/email/partials", Partials),
  savePartial: (name: string, mjml: string) =>
    request("PUT", `/api/email/partials/${id(name)}`, EmailPartial, { mjml }),

  settings: () => request("GET", "/api/email/settings", Settings),
  updateSettings: (body: SettingsPatch) => request("PATCH", "/api/email/settings", Settings, body),
  generateDkim: (body: { domain: string; selector: string }) =>
    request("POST", "/api/email/dkim", Settings, body),

  mailbox: (before?: number) =>
    request("GET", `/api/email/mailbox?limit=50${before ? `&before=${before}` : ""}`, Mailbox),
};

export type {
  Message as MailboxMessage,
  Rendered as RenderedPreview,
  Settings as EmailSettingsData,
};
