import { sql } from "drizzle-orm";
import type { Identity, IdentityKind } from "../contacts/identity.ts";
import type { Tx } from "../contacts/resolve.ts";
import { type NormalizedEvent, storeEventsInTx } from "../contacts/store-events.ts";
import { pgArray } from "../sql-array.ts";

/** Delivery events of messenger/SMS sends on the contact's timeline (journeys can wait for them). */
export const MESSAGE_EVENTS = ["Message Sent", "Message Failed"] as const;
export type MessageEventName = (typeof MESSAGE_EVENTS)[number];

export interface MessageEvent {
  contactId: string;
  name: MessageEventName;
  /** `telegram`, `whatsapp`, `viber`, `sms`. */
  channel: string;
  /** Idempotency: a repeated report with the same id records nothing. */
  messageId: string;
  properties: Record<string, unknown>;
  at: Date;
}

/**
 * Stores message delivery events through ordinary ingestion, each addressed by one of the
 * contact's own identities (resolves back to it, creates and merges nobody).
 */
export async function recordMessageEvents(
  tx: Tx,
  workspaceId: string,
  list: readonly MessageEvent[],
): Promise<number> {
  if (list.length === 0) return 0;
  const ids = [...new Set(list.map((e) => e.contactId))];
  const rows = await tx.execute<{ contact_id: string; kind: IdentityKind; value: string }>(sql`
    select distinct on (i.contact_id) i.contact_id, i.kind, i.value
    from contact_identities i
    where i.workspace_id = ${workspaceId} and i.contact_id = any(${pgArray(ids)}::uuid[])
    order by i.contact_id, array_position(array['user_id','email','phone','anonymous_id','telegram','whatsapp','viber'], i.kind)`);
  const identityOf = new Map<string, Identity>(
    rows.rows.map((r) => [r.contact_id, { kind: r.kind, value: r.value }]),
  );
  const events: NormalizedEvent[] = [];
  for (const e of list) {
    const id = identityOf.get(e.contactId);
    if (!id) continue;
    events.push({
      messageId: e.messageId,
      type: "track",
      name: e.name,
      userId: id.kind === "user_id" ? id.value : null,
      anonymousId: id.kind === "anonymous_id" ? id.value : null,
      identities: [id],
      properties: { channel: e.channel, ...e.properties },
      context: { channel: e.channel },
      timestamp: e.at,
    });
  }
  const { stored } = await storeEventsInTx(tx, workspaceId, events);
  return stored.length;
}
