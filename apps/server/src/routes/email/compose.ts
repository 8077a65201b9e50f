import { AppError } from "@voronka/core";
import {
  type Db,
  type EmailTemplate,
  emailRecipient,
  getEmailSettings,
  storeInDevMailbox,
} from "@voronka/db";
import {
  composeMessage,
  domainOf,
  emailConfig,
  expandIncludes,
  messageIdFor,
  type RenderContext,
  type RenderedEmail,
  renderEmail,
  smtpSender,
  unsubscribeUrl,
} from "@voronka/email";
import { currentPartials, raiseIssues } from "./dto.ts";

const SAMPLE_CONTACT: RenderContext["contact"] = {
  id: "00000000-0000-0000-0000-000000000000",
  email: "jane@example.com",
  firstName: "Jane",
  lastName: "Doe",
  name: "Jane Doe",
  phone: null,
  city: null,
  country: null,
  traits: {},
};

/** Renders the template's current version for a contact of the workspace (or a sample one). */
export async function renderFor(
  db: Db,
  workspaceId: string,
  template: EmailTemplate,
  contactId: string | undefined,
  vars: Record<string, string>,
) {
  const contact = contactId ? await emailRecipient(db, workspaceId, contactId) : SAMPLE_CONTACT;
  if (!contact) throw new AppError("not_found", "No contact with this id in this workspace.");
  const config = emailConfig();
  const unsubscribe = unsubscribeUrl({
    baseUrl: config.baseUrl,
    secret: config.secret,
    workspaceId,
    contactId: contact.id,
    effectKey: `preview:${template.id}:${template.version}`,
  });
  // Partials in their current versions; an unknown one is reported like any template error.
  const expanded = expandIncludes(template.mjml, await currentPartials(db, workspaceId));
  raiseIssues(expanded.issues.map((i) => ({ path: "mjml", ...i })));
  try {
    // The key names the template and partial versions: an edit is never served from the cache.
    return await renderEmail(
      {
        ...template,
        mjml: expanded.mjml,
        cacheKey: `${workspaceId}:${template.id}:${template.version}|${expanded.used.join(",")}`,
      },
      { contact, vars, unsubscribeUrl: unsubscribe },
    );
  } catch (err) {
    throw new AppError("validation_failed", "The template does not render.", {
      details: [{ path: "mjml", message: err instanceof Error ? err.message : String(err) }],
    });
  }
}

export type LetterDelivery =
  | { messageId: string; via: "smtp" | "mailbox" }
  | { messageId: string; via: "failed"; error: string; permanent: boolean };

/**
 * Sends one letter to an address now through the workspace's email channel: its sender and
 * DKIM key, its SMTP server (or the server's `SMTP_URL`), else the dev mailbox. `key` names
 * the letter in its Message-ID. An SMTP refusal is returned, not thrown.
 */
export async function sendLetterNow(
  db: Db,
  workspaceId: string,
  to: string,
  letter: RenderedEmail,
  key: string,
): Promise<LetterDelivery> {
  const settings = await getEmailSettings(db, workspaceId);
  const config = emailConfig();
  const messageId = messageIdFor(key, settings.dkimDomain ?? domainOf(settings.fromAddress));
  const raw = await composeMessage({
    from: { name: settings.fromName, address: settings.fromAddress },
    to,
    rendered: letter,
    messageId,
    // A letter sent by hand has nothing to unsubscribe from; the header still needs a target.
    unsubscribeUrl: `${config.baseUrl.replace(/\/$/, "")}/e/u/test`,
    dkim:
      settings.dkimPrivateKey && settings.dkimDomain && settings.dkimSelector
        ? {
            domainName: settings.dkimDomain,
            keySelector: settings.dkimSelector,
            privateKey: settings.dkimPrivateKey,
          }
        : undefined,
  });
  const smtpUrl = settings.smtpUrl ?? config.smtpUrl;
  if (!smtpUrl) {
    await storeInDevMailbox(db, [
      {
        workspaceId,
        messageId,
        toAddress: to,
        fromAddress: settings.fromAddress,
        subject: letter.subject,
        html: letter.html,
        text: letter.text,
        raw,
      },
    ]);
    return { messageId, via: "mailbox" };
  }
  const result = await smtpSender(smtpUrl).send({ from: settings.fromAddress, to, raw });
  return result.ok
    ? { messageId, via: "smtp" }
    : { messageId, via: "failed", error: result.error, permanent: result.permanent };
}

/** Sends one rendered template to an address now (SMTP, or the dev mailbox), marked "[Test]". */
export async function testSend(
  db: Db,
  workspaceId: string,
  template: EmailTemplate,
  to: string,
  contactId: string | undefined,
  vars: Record<string, string>,
) {
  const rendered = await renderFor(db, workspaceId, template, contactId, vars);
  const sent = await sendLetterNow(
    db,
    workspaceId,
    to,
    { ...rendered, subject: `[Test] ${rendered.subject}` },
    `test:${crypto.randomUUID()}`,
  );
  if (sent.via === "failed") {
    throw new AppError("unavailable", `The SMTP server refused the message: ${sent.error}`, {
      retryable: !sent.permanent,
    });
  }
  return { messageId: sent.messageId, via: sent.via };
}
