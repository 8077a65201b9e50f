import type { Db } from "../client.ts";
import { routeEventsToJourneys } from "../engine/route-events.ts";
import { applyStageRules } from "../funnels/rules.ts";
import { type Identity, identityKey } from "./identity.ts";
import { type IngestProbe, probeBatch } from "./ingest-probe.ts";
import { insertEvents, insertEventsAlone } from "./insert-events.ts";
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

/** Events with distinct messageIds, the first of each kept (a batch may repeat one). */
function distinct(events: readonly NormalizedEvent[]): NormalizedEvent[] {
  const byMessageId = new Map<string, NormalizedEvent>();
  for (const e of events) if (!byMessageId.has(e.messageId)) byMessageId.set(e.messageId, e);
  return [...byMessageId.values()];
}

const isPurchase = (e: NormalizedEvent) =>
  e.type === "track" && e.name !== null && PURCHASE_EVENTS.has(e.name);

/**
 * The contact of each event when storing the batch is nothing but its insert: every identity
 * is known and points at the event's one contact (nothing to create or merge), no event changes
 * a profile or revenue, and no stage rule or journey listens. Undefined otherwise.
 */
function plainContacts(events: readonly NormalizedEvent[], probe: IngestProbe) {
  if (probe.stageRules || probe.journeys) return undefined;
  const contactIds: string[] = [];
  for (const e of events) {
    if (e.patch || isPurchase(e) || e.identities.length === 0) return undefined;
    const contactId = probe.known.get(identityKey(e.identities[0]!));
    if (!contactId) return undefined;
    for (const id of e.identities)
      if (probe.known.get(identityKey(id)) !== contactId) return undefined;
    contactIds.push(contactId);
  }
  return contactIds;
}

const SEEN_EVERY_MS = 5 * 60 * 1000;

/** Contacts whose last-seen time is more than 5 minutes behind their newest event here. */
function behindLastSeen(
  events: readonly NormalizedEvent[],
  contactIds: readonly string[],
  lastSeen: Map<string, number>,
): Array<{ id: string; ts: Date }> {
  const newest = new Map<string, Date>();
  events.forEach((e, i) => {
    const id = contactIds[i]!;
    const ts = newest.get(id);
    if (!ts || e.timestamp > ts) newest.set(id, e.timestamp);
  });
  return [...newest]
    .filter(([id, ts]) => ts.getTime() - (lastSeen.get(id) ?? 0) > SEEN_EVERY_MS)
    .map(([id, ts]) => ({ id, ts }));
}

function storedEvents(
  events: readonly NormalizedEvent[],
  contactIds: readonly string[],
  insertedIds: Map<string, number>,
): StoredEvent[] {
  const stored: StoredEvent[] = [];
  events.forEach((e, i) => {
    const id = insertedIds.get(e.messageId);
    if (id === undefined) return;
    const { messageId, type, name, timestamp } = e;
    stored.push({ id, messageId, contactId: contactIds[i]!, type, name, timestamp });
  });
  return stored;
}

/**
 * Stores a batch of events, set-based: drops re-delivered messageIds, resolves (and merges)
 * contacts, inserts the events, applies profile patches, revenue and last-seen times, funnel
 * stage rules and journey triggers. Returns what was stored, committed.
 *
 * Statements: one probe (identities, listeners), then for a batch of known contacts that
 * nothing else listens to — the common case — one insert, which commits on its own; any other
 * batch runs in one transaction (`storeEventsInTx`).
 */
export async function storeEvents(
  db: Db,
  workspaceId: string,
  events: NormalizedEvent[],
): Promise<StoreResult> {
  return (await store(db, workspaceId, events, true))!;
}

/**
 * `storeEvents` for a caller that needs no result (the ingestion API): a plain batch's insert
 * sends nothing back. Resolves once the events are committed.
 */
export async function ingestEvents(
  db: Db,
  workspaceId: string,
  events: NormalizedEvent[],
): Promise<void> {
  await store(db, workspaceId, events, false);
}

async function store(
  db: Db,
  workspaceId: string,
  events: NormalizedEvent[],
  result: boolean,
): Promise<StoreResult | undefined> {
  if (events.length === 0) return { stored: [], duplicates: 0 };
  for (let attempt = 1; ; attempt++) {
    try {
      const fresh = distinct(events);
      const probe = await probeBatch(db, workspaceId, fresh);
      const contactIds = plainContacts(fresh, probe);
      if (contactIds) {
        const behind = behindLastSeen(fresh, contactIds, probe.lastSeen);
        if (!result) {
          await insertEventsAlone(db, workspaceId, fresh, contactIds, behind);
          return undefined;
        }
        const insertedIds = await insertEvents(db, workspaceId, fresh, contactIds, behind);
        const stored = storedEvents(fresh, contactIds, insertedIds);
        return { stored, duplicates: events.length - stored.length };
      }
      return await db.transaction((tx) => storeEventsInTx(tx, workspaceId, events, probe));
    } catch (err) {
      // Two writers touching the same contacts in different orders: Postgres aborts one; retry it.
      const code =
        (err as { cause?: { code?: string }; code?: string }).cause?.code ??
        (err as { code?: string }).code;
      if (attempt >= 3 || (code !== "40P01" && code !== "40001")) throw err;
    }
  }
}

/**
 * `storeEvents` inside the caller's transaction. `probe`: the batch's `probeBatch`, when the
 * caller ran it (it only reads, so it may have run before the transaction began).
 */
export async function storeEventsInTx(
  tx: Tx,
  workspaceId: string,
  input: NormalizedEvent[],
  probe?: IngestProbe,
): Promise<StoreResult> {
  // Re-delivered messageIds are dropped by the insert's ON CONFLICT; their contacts already
  // exist, so resolving them first creates nothing.
  const fresh = distinct(input);
  const { known, stageRules, journeys } = probe ?? (await probeBatch(tx, workspaceId, fresh));
  const { contactIds } = await resolveContacts(
    tx,
    workspaceId,
    fresh.map((e) => e.identities),
    { known },
  );
  const insertedIds = await insertEvents(tx, workspaceId, fresh, contactIds);
  const stored = storedEvents(fresh, contactIds, insertedIds);

  // Last-seen alone was written by the insert; profile changes and purchases need the full update.
  const lastSeen = new Map<string, Date>();
  const patches = new Map<string, ContactPatch>();
  fresh.forEach((e, i) => {
    if (!insertedIds.has(e.messageId)) return;
    const contactId = contactIds[i]!;
    const seen = lastSeen.get(contactId);
    if (!seen || e.timestamp > seen) lastSeen.set(contactId, e.timestamp);
    if (!e.patch && !isPurchase(e)) return;
    const patch = patches.get(contactId) ?? {};
    if (e.patch) mergePatch(patch, e.patch);
    if (isPurchase(e)) {
      patch.addRevenue = (patch.addRevenue ?? 0) + revenueOf(e.properties);
      patch.addOrders = (patch.addOrders ?? 0) + 1;
    }
    patches.set(contactId, patch);
  });
  for (const [contactId, patch] of patches) patch.lastSeenAt = lastSeen.get(contactId)!;
  await patchContacts(tx, workspaceId, patches);

  const tracked = stored.filter((e) => e.type === "track" && e.name);
  if (tracked.length > 0 && stageRules) {
    await applyStageRules(
      tx,
      workspaceId,
      tracked.map((e) => ({ contactId: e.contactId, eventName: e.name!, eventId: e.id })),
      { listening: true },
    );
  }
  if (tracked.length > 0 && journeys) {
    const properties = new Map(fresh.map((e) => [e.messageId, e.properties]));
    await routeEventsToJourneys(
      tx,
      workspaceId,
      tracked.map((e) => ({
        ...e,
        name: e.name ?? "",
        properties: properties.get(e.messageId) ?? {},
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
