import {
  type ChannelOutcome,
  type ClaimedChannelEffect,
  createManagerTasks,
  getEmailSettings,
  managerRecipients,
  storeInDevMailbox,
  type Tx,
} from "@voronka/db";
import {
  composeMessage,
  domainOf,
  type EmailConfig,
  messageIdFor,
  smtpSender,
} from "@voronka/email";
import { z } from "zod";
import { renderText } from "./render-text.ts";

/** The notify-manager effect as the interpreter writes it (packages/journey `Effect`). */
export const NotifyManagerEffect = z.object({
  type: z.literal("notify-manager"),
  key: z.string().min(1),
  nodeId: z.string(),
  via: z.enum(["task", "email"]),
  assignee: z.string().optional(),
  message: z.string(),
});

/** A task is due a day after the step that created it. */
export const TASK_DUE_MS = 24 * 3_600_000;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Creates the task for the sales team (once per effect key) and, for `via: "email"`, emails
 * the assignee — or the workspace's owners and admins when there is none — through the
 * workspace's SMTP settings, or the dev mailbox when there is no SMTP server.
 */
export async function notifyManager(
  tx: Tx,
  claimed: ClaimedChannelEffect,
  config: () => EmailConfig,
  now: Date,
): Promise<ChannelOutcome> {
  const base = {
    workspaceId: claimed.workspaceId,
    key: claimed.key,
    contactId: claimed.contactId,
    channel: "notify",
  };
  const parsed = NotifyManagerEffect.safeParse(claimed.payload);
  if (!parsed.success) {
    return {
      ...base,
      status: "failed",
      attempts: claimed.attempts,
      detail: "invalid notify-manager effect",
    };
  }
  const e = parsed.data;
  const assigneeId = z.uuid().safeParse(e.assignee);
  const c = claimed.contact;
  let message = e.message;
  try {
    if (c)
      message = await renderText(e.message, { contact: { id: claimed.contactId, ...c }, vars: {} });
  } catch {
    // A broken placeholder must not lose the task: keep the text as written.
  }
  const created = await createManagerTasks(tx, [
    {
      workspaceId: claimed.workspaceId,
      effectKey: claimed.key,
      contactId: claimed.contactId,
      journeyId: claimed.journeyId,
      nodeId: claimed.nodeId,
      message,
      assigneeId: assigneeId.success ? assigneeId.data : null,
      dueAt: new Date(claimed.at.getTime() + TASK_DUE_MS),
    },
  ]);
  const taskId = created.get(claimed.key);
  if (e.via !== "email")
    return { ...base, status: "sent", attempts: claimed.attempts + 1, providerId: taskId };

  const to = await managerRecipients(
    tx,
    claimed.workspaceId,
    assigneeId.success ? assigneeId.data : null,
  );
  if (to.length === 0) {
    return {
      ...base,
      status: "sent",
      attempts: claimed.attempts + 1,
      providerId: taskId,
      detail: "task created; nobody to email",
    };
  }
  const settings = await getEmailSettings(tx, claimed.workspaceId);
  const cfg = config();
  const who = c
    ? (c.name ?? ([c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || c.phone))
    : null;
  const subject = `Task: ${who ?? "a contact"} — ${message.split("\n")[0]?.slice(0, 80) ?? ""}`;
  const tasksUrl = `${cfg.baseUrl.replace(/\/+$/, "")}/tasks`;
  const contactUrl = `${cfg.baseUrl.replace(/\/+$/, "")}/contacts/${claimed.contactId}`;
  const text = `${message}\n\nContact: ${who ?? claimed.contactId}\n${contactUrl}\n\nAll tasks: ${tasksUrl}\n`;
  const html = `<p>${escapeHtml(message).replace(/\n/g, "<br>")}</p><p>Contact: <a href="${escapeHtml(contactUrl)}">${escapeHtml(who ?? claimed.contactId)}</a></p><p><a href="${escapeHtml(tasksUrl)}">All tasks</a></p>`;
  const smtpUrl = settings.smtpUrl ?? cfg.smtpUrl;
  const failures: string[] = [];
  for (const r of to) {
    const messageId = messageIdFor(`${claimed.key}:${r.email}`, domainOf(settings.fromAddress));
    const raw = await composeMessage(
      {
        from: { name: settings.fromName, address: settings.fromAddress },
        to: r.email,
        rendered: { subject, preheader: "", html, text },
        messageId,
        // Internal mail: "unsubscribe" leads to the task list, where notifications are managed.
        unsubscribeUrl: tasksUrl,
      },
      now,
    );
    if (!smtpUrl) {
      await storeInDevMailbox(tx, [
        {
          workspaceId: claimed.workspaceId,
          messageId,
          toAddress: r.email,
          fromAddress: settings.fromAddress,
          subject,
          html,
          text,
          headers: {},
          raw,
        },
      ]);
      continue;
    }
    const sent = await smtpSender(smtpUrl).send({ from: settings.fromAddress, to: r.email, raw });
    if (!sent.ok) failures.push(`${r.email}: ${sent.error}`);
  }
  // The task exists either way; a failed email is recorded, not retried (it would duplicate
  // the emails that did go out).
  return {
    ...base,
    status: "sent",
    attempts: claimed.attempts + 1,
    providerId: taskId,
    recipient: to
      .map((r) => r.email)
      .join(", ")
      .slice(0, 500),
    ...(failures.length > 0
      ? { detail: `email failed: ${failures.join("; ")}`.slice(0, 500) }
      : {}),
  };
}
