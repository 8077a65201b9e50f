import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import type { Consent } from "../schema/contacts.ts";
import { pgArray } from "../sql-array.ts";

/** Outbox channels the channel dispatcher carries out (email has its own dispatcher). */
export const MESSAGE_CHANNELS = ["telegram", "whatsapp", "viber", "sms", "preferred"] as const;
export const DISPATCHED_CHANNELS = [...MESSAGE_CHANNELS, "webhook", "notify"] as const;
export type DispatchedChannel = (typeof DISPATCHED_CHANNELS)[number];

/** What a message, webhook or task can use of the contact. */
export interface ChannelContact {
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  city: string | null;
  country: string | null;
  traits: Record<string, unknown>;
  consent: Consent;
  /** Messenger handles: `telegram` = chat id, `whatsapp` = wa_id, `viber` = user id. */
  handles: Record<string, string>;
  preferredChannel: string | null;
}

/** A pending effect locked for this transaction, with its contact. */
export interface ClaimedChannelEffect {
  workspaceId: string;
  key: string;
  channel: DispatchedChannel;
  /** The contact (a merged contact's survivor). */
  contactId: string;
  journeyId: string;
  nodeId: string;
  /** The interpreter's effect JSON; parsed by the dispatcher. */
  payload: unknown;
  /** Attempts so far (temporary failures). */
  attempts: number;
  /** Logical time of the step that produced it. */
  at: Date;
  contact: ChannelContact | null;
}

type Row = {
  workspace_id: string;
  key: string;
  channel: DispatchedChannel;
  contact_id: string;
  journey_id: string;
  node_id: string;
  payload: unknown;
  attempts: number;
  at: Date;
  found: boolean;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  name: string | null;
  city: string | null;
  country: string | null;
  traits: Record<string, unknown> | null;
  consent: Consent | null;
  handles: Record<string, string> | null;
  preferred_channel: string | null;
};

/**
 * Locks up to `limit` due pending effects of the given channels (`FOR UPDATE SKIP LOCKED`:
 * parallel dispatchers take disjoint batches; the lock is held while the batch is carried
 * out). Effects waiting for a retry (`channel_deliveries.retry_at` in the future) are left.
 */
export async function claimChannelEffects(
  tx: Tx,
  options: { channels: readonly DispatchedChannel[]; limit: number; now: Date },
): Promise<ClaimedChannelEffect[]> {
  const rows = await tx.execute<Row>(sql`
    with due as (
      select f.workspace_id, f.key, f.channel, f.contact_id, f.journey_id, f.node_id, f.payload, f.at, f.created_at
      from journey_effects f
      where f.channel = any(${pgArray([...options.channels])}::text[]) and f.status = 'pending'
        and not exists (
          select 1 from channel_deliveries d
          where d.workspace_id = f.workspace_id and d.effect_key = f.key
            and d.retry_at > ${options.now.toISOString()}::timestamptz)
      order by f.created_at
      limit ${options.limit}
      for update of f skip locked
    )
    select due.workspace_id, due.key, due.channel, coalesce(c0.merged_into, due.contact_id) as contact_id,
           due.journey_id, due.node_id, due.payload, due.at, coalesce(d.attempts, 0) as attempts,
           c.id is not null as found, c.email, c.phone, c.first_name, c.last_name, c.name, c.city,
           c.country, c.traits, c.consent, c.handles, c.preferred_channel
    from due
    left join contacts c0 on c0.workspace_id = due.workspace_id and c0.id = due.contact_id
    left join contacts c on c.workspace_id = due.workspace_id and c.id = coalesce(c0.merged_into, due.contact_id)
    left join channel_deliveries d on d.workspace_id = due.workspace_id and d.effect_key = due.key
    order by due.created_at`);
  return rows.rows.map((r) => ({
    workspaceId: r.workspace_id,
    key: r.key,
    channel: r.channel,
    contactId: r.contact_id,
    journeyId: r.journey_id,
    nodeId: r.node_id,
    payload: r.payload,
    attempts: Number(r.attempts),
    at: new Date(r.at),
    contact: r.found
      ? {
          email: r.email,
          phone: r.phone,
          firstName: r.first_name,
          lastName: r.last_name,
          name: r.name,
          city: r.city,
          country: r.country,
          traits: r.traits ?? {},
          consent: r.consent ?? {},
          handles: r.handles ?? {},
          preferredChannel: r.preferred_channel,
        }
      : null,
  }));
}

/** What became of one claimed effect. `retrying` leaves it pending until `retryAt`. */
export interface ChannelOutcome {
  workspaceId: string;
  key: string;
  contactId: string;
  /** The channel actually used (`preferred` resolved), `webhook` or `notify`. */
  channel: string;
  status: "sent" | "skipped" | "retrying" | "failed";
  attempts: number;
  retryAt?: Date | undefined;
  recipient?: string | undefined;
  providerId?: string | undefined;
  responseStatus?: number | undefined;
  responseExcerpt?: string | undefined;
  detail?: string | undefined;
}

const EFFECT_STATUS: Record<ChannelOutcome["status"], string> = {
  sent: "done",
  skipped: "skipped",
  failed: "failed",
  retrying: "pending",
};

/**
 * Records outcomes in `channel_deliveries` and on the outbox rows (set-based, caller's tx).
 * `keepPending` lists keys whose outbox row is finished elsewhere (a webhook whose reply a
 * journey awaits goes through `recordEffectResults`, which also wakes the run).
 */
export async function finishChannelEffects(
  tx: Tx,
  list: readonly ChannelOutcome[],
  keepPending: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (list.length === 0) return;
  const col = <T>(f: (o: ChannelOutcome) => T) => pgArray(list.map(f));
  await tx.execute(sql`
    insert into channel_deliveries (workspace_id, effect_key, contact_id, channel, status, attempts, retry_at,
                                    recipient, provider_id, response_status, response_excerpt, detail, updated_at)
    select u.workspace_id, u.key, u.contact_id, u.channel, u.status, u.attempts, u.retry_at, u.recipient,
           u.provider_id, u.response_status, u.response_excerpt, u.detail, now()
    from unnest(${col((o) => o.workspaceId)}::uuid[], ${col((o) => o.key)}::text[], ${col((o) => o.contactId)}::uuid[],
                ${col((o) => o.channel)}::text[], ${col((o) => o.status)}::text[], ${col((o) => o.attempts)}::int[],
                ${col((o) => o.retryAt?.toISOString() ?? null)}::timestamptz[], ${col((o) => o.recipient ?? null)}::text[],
                ${col((o) => o.providerId ?? null)}::text[], ${col((o) => o.responseStatus ?? null)}::int[],
                ${col((o) => o.responseExcerpt ?? null)}::text[], ${col((o) => o.detail ?? null)}::text[])
      as u(workspace_id, key, contact_id, channel, status, attempts, retry_at, recipient, provider_id,
           response_status, response_excerpt, detail)
    on conflict (workspace_id, effect_key) do update set
      channel = excluded.channel, status = excluded.status, attempts = excluded.attempts,
      retry_at = excluded.retry_at, recipient = coalesce(excluded.recipient, channel_deliveries.recipient),
      provider_id = coalesce(excluded.provider_id, channel_deliveries.provider_id),
      response_status = excluded.response_status, response_excerpt = excluded.response_excerpt,
      detail = excluded.detail, updated_at = now()`);
  const rows = list.filter((o) => !keepPending.has(o.key) || o.status === "retrying");
  if (rows.length === 0) return;
  const c2 = <T>(f: (o: ChannelOutcome) => T) => pgArray(rows.map(f));
  await tx.execute(sql`
    update journey_effects f set status = u.status, attempts = u.attempts, last_error = u.detail
    from unnest(${c2((o) => o.workspaceId)}::uuid[], ${c2((o) => o.key)}::text[],
                ${c2((o) => EFFECT_STATUS[o.status])}::text[], ${c2((o) => o.attempts)}::int[],
                ${c2((o) => (o.status === "sent" ? null : (o.detail ?? null)))}::text[])
      as u(workspace_id, key, status, attempts, detail)
    where f.workspace_id = u.workspace_id and f.key = u.key and f.status = 'pending'`);
}

/** A delivery row, for tests and the contact card. */
export async function channelDelivery(tx: Tx, workspaceId: string, effectKey: string) {
  const r = await tx.execute<{
    channel: string;
    status: string;
    attempts: number;
    retry_at: Date | null;
    recipient: string | null;
    provider_id: string | null;
    response_status: number | null;
    response_excerpt: string | null;
    detail: string | null;
  }>(sql`
    select channel, status, attempts, retry_at, recipient, provider_id, response_status, response_excerpt, detail
    from channel_deliveries where workspace_id = ${workspaceId} and effect_key = ${effectKey}`);
  const row = r.rows[0];
  return row ? { ...row, retry_at: row.retry_at ? new Date(row.retry_at) : null } : null;
}
