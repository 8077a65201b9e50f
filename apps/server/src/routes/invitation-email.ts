import type { InvitationDelivery, Role } from "@voronka/contract";
import type { Db } from "@voronka/db";
import { sendLetterNow } from "./email/compose.ts";

const roleNames: Record<Role, { en: string; ru: string }> = {
  owner: { en: "an owner", ru: "владелец" },
  admin: { en: "an admin", ru: "администратор" },
  member: { en: "a member", ru: "участник" },
};

const htmlText = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The invitation letter, in English and Russian (the workspace has no language of its own). */
export function invitationLetter(input: {
  workspaceName: string;
  inviterName: string | null;
  role: Role;
  url: string;
}) {
  const who = input.inviterName ?? "A colleague";
  const whoRu = input.inviterName ?? "Коллега";
  const role = roleNames[input.role];
  const en = `${who} invited you to join ${input.workspaceName} on Voronka as ${role.en}.`;
  const ru = `${whoRu} приглашает вас в пространство «${input.workspaceName}» в Voronka (роль: ${role.ru}).`;
  const enNext = "Open the link to set your name and password. It works for 7 days, once.";
  const ruNext = "Откройте ссылку, чтобы указать имя и пароль. Она действует 7 дней, один раз.";
  const subject = `Join ${input.workspaceName} on Voronka`;
  const text = [en, enNext, "", ru, ruNext, "", input.url].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>${htmlText(en)}<br>${htmlText(enNext)}</p>
<p><a href="${htmlText(input.url)}">Accept the invitation · Принять приглашение</a></p>
<p style="color:#555">${htmlText(ru)}<br>${htmlText(ruNext)}</p>
<p style="color:#888;font-size:12px">${htmlText(input.url)}</p>
</body></html>`;
  return { subject, preheader: en, html, text };
}

/**
 * Sends the invitation through the workspace's email channel (`sendLetterNow`): its SMTP
 * server (or the server's `SMTP_URL`), else the dev mailbox. A failure is reported, never thrown: the link
 * is shown to the inviter either way.
 */
export async function sendInvitationEmail(
  db: Db,
  workspaceId: string,
  to: string,
  letter: ReturnType<typeof invitationLetter>,
): Promise<InvitationDelivery> {
  try {
    const sent = await sendLetterNow(db, workspaceId, to, letter, `invite:${crypto.randomUUID()}`);
    return sent.via === "failed"
      ? { via: "failed", error: sent.error }
      : { via: sent.via, error: null };
  } catch (err) {
    return { via: "failed", error: err instanceof Error ? err.message : String(err) };
  }
}
