import type {
  ClaimedEmail,
  EmailOutcome,
  EmailSettings,
  NewDevMailboxMessage,
  TemplateVersionForSend,
  Tx,
} from "@voronka/db";
import { type EmailPartial, emailPartialsAsOf, templateVersionAsOf } from "@voronka/db";
import {
  addTracking,
  composeMessage,
  domainOf,
  type EmailConfig,
  expandIncludes,
  includedPartials,
  messageIdFor,
  renderEmail,
  smtpSender,
  type TrackingTarget,
  unsubscribeUrl,
} from "@voronka/email";
import { z } from "zod";

/** The send-email effect as the interpreter writes it (packages/journey `Effect`). */
export const SendEmailEffect = z.object({
  type: z.literal("send-email"),
  key: z.string().min(1),
  nodeId: z.string(),
  templateId: z.string(),
  subject: z.string().optional(),
  vars: z.record(z.string(), z.string()).default({}),
});

const MAX_ATTEMPTS = 6;

/** What one send produced: its outcome, and a dev-mailbox row when there is no SMTP. */
export interface SendResult {
  outcome: EmailOutcome;
  mailbox?: NewDevMailboxMessage;
}

function templateCacheKey(claimed: ClaimedEmail): string {
  const effect = SendEmailEffect.safeParse(claimed.payload);
  const ref = effect.success ? effect.data.templateId : "";
  return `${claimed.workspaceId}:${ref}:${claimed.publishedAt?.toISOString() ?? ""}`;
}

/** The template version an effect sends, its partials pulled in; or why there is none. */
export type LoadedTemplate = TemplateVersionForSend | { error: string };

/**
 * Looks up, one query at a time on the batch's connection, the template version every claimed
 * effect sends, by id or by slug (journey files name templates by slug), with the workspace's
 * partials in the versions current when the journey was published (sends then run
 * concurrently without touching the connection). The cache key names the partial versions
 * too, so a changed footer is compiled afresh.
 */
export async function loadTemplates(tx: Tx, claimed: readonly ClaimedEmail[]) {
  const out = new Map<string, LoadedTemplate>();
  const partialsAt = new Map<string, Map<string, EmailPartial>>();
  for (const c of claimed) {
    const key = templateCacheKey(c);
    if (out.has(key)) continue;
    const effect = SendEmailEffect.safeParse(c.payload);
    const ref = effect.success ? effect.data.templateId.trim() : "";
    const found = ref
      ? await templateVersionAsOf(tx, c.workspaceId, ref, c.publishedAt)
      : undefined;
    if (!found) {
      out.set(key, { error: `template ${ref || "(none)"} not found` });
      continue;
    }
    if (includedPartials(found.mjml).length === 0) {
      out.set(key, found);
      continue;
    }
    const at = `${c.workspaceId}:${c.publishedAt?.toISOString() ?? ""}`;
    let partials = partialsAt.get(at);
    if (!partials) {
      partials = await emailPartialsAsOf(tx, c.workspaceId, c.publishedAt);
      partialsAt.set(at, partials);
    }
    const expanded = expandIncludes(found.mjml, partials);
    const problem = expanded.issues[0];
    out.set(
      key,
      problem
        ? { error: `template ${ref}, line ${problem.line}: ${problem.message}` }
        : {
            ...found,
            mjml: expanded.mjml,
            cacheKey: `${found.cacheKey}|${expanded.used.join(",")}`,
          },
    );
  }
  return out;
}

/** Back-off after the n-th temporary failure: 1, 2, 4, 8, 16 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(2 ** (attempt - 1), 60) * 60_000;
}

/**
 * Decides, renders and sends one claimed effect. Never throws for a per-message problem:
 * those become outcomes (skipped, failed, retrying, bounced).
 */
export async function sendOne(
  claimed: ClaimedEmail,
  templates: ReadonlyMap<string, LoadedTemplate>,
  settings: EmailSettings,
  config: EmailConfig,
  now: Date,
): Promise<SendResult> {
  const base = { workspaceId: claimed.workspaceId, key: claimed.key, contactId: claimed.contactId };
  const skip = (detail: string): SendResult => ({
    outcome: { ...base, status: "skipped", attempts: claimed.attempts, detail },
  });
  const fail = (detail: string): SendResult => ({
    outcome: { ...base, status: "failed", attempts: claimed.attempts, detail },
  });
  const effect = SendEmailEffect.safeParse(claimed.payload);
  if (!effect.success) return fail("invalid send-email effect");
  const contact = claimed.contact;
  if (!contact) return skip("contact not found");
  if (!contact.email) return skip("no email address");
  if (contact.consent.email === "unsubscribed") return skip("unsubscribed");
  if (claimed.suppressed) return skip("suppressed");
  const template = templates.get(templateCacheKey(claimed));
  if (!template) return fail(`template ${effect.data.templateId} not found`);
  if ("error" in template) return fail(template.error);
  if (template.topicId && claimed.optedOutTopics.includes(template.topicId)) {
    return skip("unsubscribed from the topic");
  }

  const target: TrackingTarget = {
    baseUrl: config.baseUrl,
    secret: config.secret,
    workspaceId: claimed.workspaceId,
    contactId: claimed.contactId,
    effectKey: claimed.key,
  };
  const unsubscribe = unsubscribeUrl(target);
  let rendered: Awaited<ReturnType<typeof renderEmail>>;
  try {
    rendered = await renderEmail(
      template,
      {
        contact: { id: claimed.contactId, ...contact },
        vars: effect.data.vars,
        unsubscribeUrl: unsubscribe,
      },
      { subjectOverride: effect.data.subject },
    );
  } catch (err) {
    return fail(`render failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500));
  }
  const html = addTracking(rendered.html, target, unsubscribe);
  const domain = settings.dkimDomain ?? domainOf(settings.fromAddress);
  const messageId = messageIdFor(claimed.key, domain);
  const dkim =
    settings.dkimPrivateKey && settings.dkimDomain && settings.dkimSelector
      ? {
          domainName: settings.dkimDomain,
          keySelector: settings.dkimSelector,
          privateKey: settings.dkimPrivateKey,
        }
      : undefined;
  let raw: string;
  try {
    raw = await composeMessage(
      {
        from: { name: settings.fromName, address: settings.fromAddress },
        to: contact.email,
        rendered: { ...rendered, html },
        messageId,
        unsubscribeUrl: unsubscribe,
        dkim,
      },
      now,
    );
  } catch (err) {
    return fail(
      `compose failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500),
    );
  }
  const sent = {
    ...base,
    messageId,
    toAddress: contact.email,
    templateId: template.templateId,
    templateVersion: template.version,
  };
  const smtpUrl = settings.smtpUrl ?? config.smtpUrl;
  if (!smtpUrl) {
    return {
      outcome: { ...sent, status: "sent", via: "mailbox", attempts: claimed.attempts + 1 },
      mailbox: {
        workspaceId: claimed.workspaceId,
        messageId,
        toAddress: contact.email,
        fromAddress: settings.fromAddress,
        subject: rendered.subject,
        html,
        text: rendered.text,
        headers: { "List-Unsubscribe": `<${unsubscribe}>` },
        raw,
      },
    };
  }
  const result = await smtpSender(smtpUrl).send({
    from: settings.fromAddress,
    to: contact.email,
    raw,
  });
  const attempts = claimed.attempts + 1;
  if (result.ok) return { outcome: { ...sent, status: "sent", via: "smtp", attempts } };
  if (result.permanent) {
    return { outcome: { ...sent, status: "bounced", via: "smtp", attempts, detail: result.error } };
  }
  if (attempts >= MAX_ATTEMPTS) {
    return { outcome: { ...sent, status: "failed", via: "smtp", attempts, detail: result.error } };
  }
  return {
    outcome: {
      ...sent,
      status: "retrying",
      via: "smtp",
      attempts,
      detail: result.error,
      retryAt: new Date(now.getTime() + retryDelayMs(attempts)),
    },
  };
}
