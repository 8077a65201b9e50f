import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Tx } from "../contacts/resolve.ts";
import { emailDevMailbox } from "../schema/email.ts";

export type DevMailboxMessage = typeof emailDevMailbox.$inferSelect;
export type NewDevMailboxMessage = Omit<typeof emailDevMailbox.$inferInsert, "id" | "createdAt">;

/** Stores a message in the dev mailbox (no SMTP configured). */
export async function storeInDevMailbox(tx: Tx, rows: readonly NewDevMailboxMessage[]) {
  if (rows.length > 0) await tx.insert(emailDevMailbox).values([...rows]);
}

/** The newest messages of the workspace's dev mailbox, `before` an id for the next page. */
export function listDevMailbox(
  db: Db,
  workspaceId: string,
  options: { limit: number; before?: number | undefined },
) {
  return db
    .select()
    .from(emailDevMailbox)
    .where(
      and(
        eq(emailDevMailbox.workspaceId, workspaceId),
        options.before === undefined ? undefined : lt(emailDevMailbox.id, options.before),
      ),
    )
    .orderBy(desc(emailDevMailbox.id))
    .limit(options.limit);
}
