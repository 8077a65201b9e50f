import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { type Identity, identity } from "../contacts/identity.ts";
import type { ContactPatch } from "../contacts/patch.ts";
import { resolveContacts, type Tx } from "../contacts/resolve.ts";
import { storeEventsInTx } from "../contacts/store-events.ts";
import { routeLeads } from "../engine/lead-triggers.ts";
import { type LeadChannel, leads } from "../schema/leads.ts";
import { type LeadPlacement, placeLead } from "./placement.ts";
import type { LeadSourceRow } from "./sources.ts";
import { campaignContext, type Utm } from "./utm.ts";

export type LeadRow = typeof leads.$inferSelect;

/** The name of the event every captured lead produces. */
export const LEAD_CAPTURED = "Lead Captured";

/** One incoming lead, already parsed from its channel's format. */
export interface LeadInput {
  /** The configured source it came through; absent for API leads sent without one. */
  source?: LeadSourceRow | undefined;
  channel: LeadChannel;
  /**
   * What makes a re-delivery recognisable: the provider's update/message/call id (prefixed
   * with the source id where ids are only unique per bot), or the API caller's external id.
   */
  dedupeKey: string;
  /** Who it is: phone, email, messenger ids. None → an anonymous contact for this lead. */
  identities: Identity[];
  /** Profile fields the lead carries (name, email, phone, handles). `source` is set for you. */
  patch?: ContactPatch;
  utm?: Utm;
  /** The provider's payload as received, kept on the lead for audit. */
  payload?: Record<string, unknown>;
  /** Extra properties of the `Lead Captured` event (message text, call duration…). */
  properties?: Record<string, unknown>;
  /** Extra event context (ip, userAgent, page). */
  context?: Record<string, unknown>;
  occurredAt?: Date;
  /** Funnel and stage asked for by an API caller; the source's apply otherwise. */
  funnelId?: string | null | undefined;
  stageId?: string | null | undefined;
}

export interface CaptureResult {
  lead: LeadRow;
  /** True when this lead had been captured before: nothing was written this time. */
  duplicate: boolean;
  /** Where the contact was put; null when it was already in the funnel (or none exists). */
  placement: LeadPlacement | null;
}

/** Thrown inside the transaction to roll it back when a concurrent delivery won the insert. */
class LostRace extends Error {}

/** The `messageId` of a lead's event: re-delivery of the lead cannot store it twice. */
export function leadMessageId(channel: LeadChannel, dedupeKey: string): string {
  return `lead:${channel}:${dedupeKey}`;
}

async function findLead(
  tx: Tx,
  workspaceId: string,
  channel: LeadChannel,
  dedupeKey: string,
): Promise<LeadRow | undefined> {
  const [row] = await tx
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        eq(leads.channel, channel),
        eq(leads.dedupeKey, dedupeKey),
      ),
    );
  return row;
}

/**
 * Records one lead, all in one transaction, so that it is durable before the provider gets
 * its 200: resolves (or creates) the contact, inserts the lead, stores a `Lead Captured`
 * track event (with channel, source and UTM), applies the profile fields, sets the contact's
 * `source` if it has none, and puts the contact into the source's funnel stage if it is not in
 * that funnel yet (a stage move with cause `lead`); journeys that start on a lead from this
 * channel enroll the contact.
 *
 * A lead whose (channel, dedupeKey) was seen before returns the existing lead marked
 * `duplicate` and writes nothing. Concurrent deliveries of the same lead are serialised by an
 * advisory lock on the key, and the unique index is the last word: a losing insert rolls the
 * whole transaction back and reports the winner's lead as the duplicate.
 */
export async function captureLead(
  db: Db,
  workspaceId: string,
  input: LeadInput,
): Promise<CaptureResult> {
  try {
    return await db.transaction((tx) => captureInTx(tx, workspaceId, input));
  } catch (err) {
    if (!(err instanceof LostRace)) throw err;
    const lead = await findLead(db, workspaceId, input.channel, input.dedupeKey);
    if (!lead) throw new Error("lead vanished after a dedupe conflict");
    return { lead, duplicate: true, placement: null };
  }
}

async function captureInTx(tx: Tx, workspaceId: string, input: LeadInput): Promise<CaptureResult> {
  const { channel, dedupeKey, source } = input;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${workspaceId}:lead:${channel}:${dedupeKey}`}, 0))`,
  );
  const existing = await findLead(tx, workspaceId, channel, dedupeKey);
  if (existing) return { lead: existing, duplicate: true, placement: null };

  const leadId = randomUUID();
  const utm = input.utm ?? {};
  const identities =
    input.identities.length > 0
      ? input.identities
      : [identity("anonymous_id", `lead-${leadId}`)].filter((i): i is Identity => !!i);
  const occurredAt = input.occurredAt ?? new Date();
  const { stored } = await storeEventsInTx(tx, workspaceId, [
    {
      messageId: leadMessageId(channel, dedupeKey),
      type: "track",
      name: LEAD_CAPTURED,
      userId: identities.find((i) => i.kind === "user_id")?.value ?? null,
      anonymousId: identities.find((i) => i.kind === "anonymous_id")?.value ?? null,
      identities,
      patch: { ...input.patch, source: channel },
      properties: {
        ...input.properties,
        channel,
        leadId,
        sourceId: source?.id ?? null,
        sourceName: source?.name ?? null,
        ...utm,
      },
      context: {
        ...input.context,
        ...(Object.keys(utm).length > 0 ? { campaign: campaignContext(utm) } : {}),
      },
      timestamp: occurredAt,
    },
  ]);
  // The event exists only if this lead was captured before and its row later went missing.
  const contactId =
    stored[0]?.contactId ?? (await resolveContacts(tx, workspaceId, [identities])).contactIds[0];
  if (!contactId) throw new Error("no contact resolved for the lead");

  const [lead] = await tx
    .insert(leads)
    .values({
      workspaceId,
      id: leadId,
      sourceId: source?.id ?? null,
      channel,
      dedupeKey,
      contactId,
      utm,
      payload: input.payload ?? {},
    })
    .onConflictDoNothing()
    .returning();
  if (!lead) throw new LostRace();
  await routeLeads(tx, workspaceId, [{ contactId, channel, at: occurredAt.getTime() }]);

  const placement = await placeLead(tx, workspaceId, {
    contactId,
    leadId,
    funnelId: input.funnelId ?? source?.funnelId ?? null,
    stageId: input.stageId ?? source?.stageId ?? null,
  });
  return { lead, duplicate: false, placement: placement ?? null };
}
