import { eq } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { emailSettings } from "../schema/email.ts";

export type EmailSettings = typeof emailSettings.$inferSelect;

/** The workspace's email settings, or the defaults when none were saved. */
export async function getEmailSettings(tx: Tx, workspaceId: string): Promise<EmailSettings> {
  const [row] = await tx
    .select()
    .from(emailSettings)
    .where(eq(emailSettings.workspaceId, workspaceId));
  return (
    row ?? {
      workspaceId,
      fromName: "Voronka",
      fromAddress: "no-reply@localhost",
      smtpUrl: null,
      dkimDomain: null,
      dkimSelector: null,
      dkimPrivateKey: null,
      dkimPublicKey: null,
      updatedAt: new Date(0),
    }
  );
}

/** Creates or changes the workspace's email settings. */
export async function saveEmailSettings(
  tx: Tx,
  workspaceId: string,
  patch: Partial<Omit<EmailSettings, "workspaceId" | "updatedAt">>,
): Promise<EmailSettings> {
  const [row] = await tx
    .insert(emailSettings)
    .values({ workspaceId, ...patch })
    .onConflictDoUpdate({
      target: emailSettings.workspaceId,
      set: { ...patch, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error("email settings not saved");
  return row;
}
