import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { recordDeliveryEvents } from "./delivery-events.ts";

/**
 * Unsubscribes a contact from email: consent `email = unsubscribed` and an
 * `Email Unsubscribed` event (once per message, however often the link is used). Returns
 * false when the contact does not exist in the workspace.
 */
export async function unsubscribeFromEmail(
  db: Db,
  workspaceId: string,
  contactId: string,
  source: { effectKey: string; method: "one-click" | "link" },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const r = await tx.execute(sql`
      update contacts set consent = consent || '{"email":"unsubscribed"}'::jsonb, updated_at = now()
      where workspace_id = ${workspaceId} and id = ${contactId}`);
    if ((r.rowCount ?? 0) === 0) return false;
    await recordDeliveryEvents(tx, workspaceId, [
      {
        contactId,
        name: "Email Unsubscribed",
        messageId: `email-unsubscribed:${source.effectKey}`,
        properties: { effectKey: source.effectKey, method: source.method },
        at: new Date(),
      },
    ]);
    return true;
  });
}

/** Adds an address to the suppression list (lower-cased); an existing entry stays as it was. */
export async function suppressEmail(
  tx: Tx,
  workspaceId: string,
  email: string,
  reason: "bounce" | "complaint" | "manual",
  detail: string | null,
): Promise<void> {
  await tx.execute(sql`
    insert into email_suppressions (workspace_id, email, reason, detail)
    values (${workspaceId}, ${email.trim().toLowerCase()}, ${reason}, ${detail})
    on conflict (workspace_id, email) do nothing`);
}
