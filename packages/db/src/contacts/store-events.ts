import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { routeEventsToJourneys } from "../engine/route-events.ts";
import { applyStageRules } from "../funnels/rules.ts";
import { pgArray } from "../sql-array.ts";
import type { Identity } from "./identity.ts";
import { type ContactPatch, patchContacts } from "./patch.ts";
import { resolveContacts, type Tx } from "./resolve.ts";

export type EventType = "track" | "identify" | "page" | "screen" | "group" | "alias";

/** An event ready to store: parsed, ids normalised, time corrected. */
export interface NormalizedEvent {
  messageId: string;
  type: EventType;
  /** Event name for `track`, page/screen name, or null. */
  name: string | null;
  userId: string | null;
  anonymousId: string | null;
  /** Every identity the event carries; they resolve to one contact (merging if needed). */
  identities: Identity[];
  /** Profile updates the event carries (identify traits, lead form fields). */
  patch?: ContactPatch;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: Date;
}

export interface StoredEvent {
  id: number;
  messageId: string;
  contactId: string;
  type: EventType;
  name: string | null;
  timestamp: Date;
}

export interface StoreResult {
  stored: StoredEvent[];
  /** Events whose messageId was already stored (re-delivery): nothing written for them. */
  duplicates: number;
}

/** Purchase events that keep lifetime revenue and order count current. */
export const PURCHASE_EVENTS = new Set(["Order Completed", "Purchase", "Payment Received"]);

function revenueOf(properties: Record<string, unknown>): number {
  for (const key of ["revenue", "total", "value", "amount"]) {
    const n = Number(properties[key]);
    if (Number.isFinite(n) && properties[key] !== null && properties[key] !== "") return n;
  }
  return 0;
}

/**
 * Stores a batch of events in one transaction, set-based: drops re-delivered messageIds,
 * resolves (and merges) contacts, inserts the events, applies profile patches, revenue and
 * last-seen times, and funnel stage rules. Returns what was stored.
 */
export async function storeEvents(
  db: Db,
  workspaceId: string,
  events: NormalizedEvent[],
): Promise<StoreResult> {
  if (events.length === 0) return { stored: [], duplicates: 0 };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => storeEventsInTx(tx, workspaceId, events));
    } catch (err) {
      // Two writers touching the same contacts in different orders: Postgres aborts one; retry it.
      const code =
        (err as { cause?: { code?: string }; code?: string }).cause?.code ??
        (err as { code?: string }).code;
      if (attempt >= 3 || (code !== "40P01" && code !== "40001")) throw err;
    }
  }
}

export async function storeEventsInTx(
  tx: Tx,
  workspaceId: string,
  input: NormalizedEvent[],
): Promise<StoreResult> {
  const byMessageId = new Map<string, NormalizedEvent>();
  for (const e of input) if (!byMessageId.has(e.messageId)) byMessageId.set(e.messageId, e);
  // Re-delivered messageIds are dropped by the insert's ON CONFLICT below; their contacts
  // already exist, so resolving them first creates nothing.
  const fresh = [...byMessageId.values()];
  const { contactIds } = await resolveContacts(
    tx,
    workspaceId,
    fresh.map((e) => e.identities),
  );

  const inserted = await tx.execute<{ id: string; message_id: string; contact_id: string }>(sql`
    insert into events (workspace_id, message_id, type, name, contact_id, user_id, anonymous_id, properties, context, timestamp)
    select ${workspaceId}, e.message_id, e.type, e.name, e.contact_id, e.user_id, e.anonymous_id,
           e.properties::jsonb, e.context::jsonb, e.ts
    from unnest(
      ${pgArray(fresh.map((e) => e.messageId))}::text[], ${pgArray(fresh.map((e) => e.type))}::text[],
      ${pgArray(fresh.map((e) => e.name))}::text[], ${pgArray(contactIds)}::uuid[],
      ${pgArray(fresh.map((e) => e.userId))}::text[], ${pgArray(fresh.map((e) => e.anonymousId))}::text[],
      ${pgArray(fresh.map((e) => JSON.stringify(e.properties)))}::text[], ${pgArray(fresh.map((e) => JSON.stringify(e.context)))}::text[],
      ${pgArray(fresh.map((e) => e.timestamp.toISOString()))}::timestamptz[]
    ) as e(message_id, type, name, contact_id, user_id, anonymous_id, properties, context, ts)
    on conflict (workspace_id, message_id) do nothing
    returning id, message_id, contact_id`);

  const insertedIds = new Map(inserted.rows.map((r) => [r.message_id, Number(r.id)]));
  const stored: StoredEvent[] = [];
  const patches = new Map<string, ContactPatch>();
  fresh.forEach((e, i) => {
    const id = insertedIds.get(e.messageId);
    const contactId = contactIds[i]!;
    if (id === undefined) return;
    stored.push({
      id,
      messageId: e.messageId,
      contactId,
      type: e.type,
      name: e.name,
      timestamp: e.timestamp,
    });
    const patch = patches.get(contactId) ?? { lastSeenAt: e.timestamp };
    if (!patch.lastSeenAt || e.timestamp > patch.lastSeenAt) patch.lastSeenAt = e.timestamp;
    if (e.patch) mergePatch(patch, e.patch);
    if (e.type === "track" && e.name && PURCHASE_EVENTS.has(e.name)) {
      patch.addRevenue = (patch.addRevenue ?? 0) + revenueOf(e.properties);
      patch.addOrders = (patch.addOrders ?? 0) + 1;
    }
    patches.set(contactId, patch);
  });
  await patchContacts(tx, workspaceId, patches);

  const tracked = stored.filter((e) => e.type === "track" && e.name);
  if (tracked.length > 0) {
    await applyStageRules(
      tx,
      workspaceId,
      tracked.map((e) => ({ contactId: e.contactId, eventName: e.name!, eventId: e.id })),
    );
    await routeEventsToJourneys(
      tx,
      workspaceId,
      tracked.map((e) => ({
        ...e,
        name: e.name ?? "",
        properties: byMessageId.get(e.messageId)?.properties ?? {},
      })),
    );
  }
  return { stored, duplicates: input.length - stored.length };
}

/** Later values win; traits and handles merge key by key. */
function mergePatch(into: ContactPatch, next: ContactPatch): void {
  const {
    traits,
    handles,
    consent,
    lastSeenAt: _ignored,
    addRevenue: _r,
    addOrders: _o,
    ...fields
  } = next;
  Object.assign(
    into,
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  );
  if (traits) into.traits = { ...into.traits, ...traits };
  if (handles) into.handles = { ...into.handles, ...handles };
  if (consent) into.consent = { ...into.consent, ...consent };
}
