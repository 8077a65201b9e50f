import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import type { Consent } from "../schema/contacts.ts";
import { pgArray } from "../sql-array.ts";

/** A pending send-email effect, locked for this transaction, with what deciding needs. */
export interface ClaimedEmail {
  workspaceId: string;
  key: string;
  /** The contact the message goes to (a merged contact's survivor). */
  contactId: string;
  /** The interpreter's effect JSON; parsed by the dispatcher. */
  payload: unknown;
  /** Send attempts so far (temporary failures). */
  attempts: number;
  /** When the journey version was published: picks the template version. */
  publishedAt: Date | null;
  contact: {
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    name: string | null;
    phone: string | null;
    city: string | null;
    country: string | null;
    traits: Record<string, unknown>;
    consent: Consent;
  } | null;
  suppressed: boolean;
  /** Topics (`email_topics` ids) the contact left. */
  optedOutTopics: string[];
}

type Row = {
  workspace_id: string;
  key: string;
  contact_id: string;
  payload: unknown;
  attempts: number;
  published_at: Date | null;
  found: boolean;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  name: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  traits: Record<string, unknown> | null;
  consent: Consent | null;
  suppressed: boolean;
  opted_out_topics: string[] | null;
};

/**
 * Locks up to `limit` pending email effects that are due (`FOR UPDATE SKIP LOCKED`: parallel
 * dispatchers take disjoint batches). The lock is held while the batch is sent, so a crash
 * before commit leaves the rows pending and the next run re-sends with the same Message-ID.
 */
export async function claimEmailEffects(
  tx: Tx,
  options: { limit: number; now: Date },
): Promise<ClaimedEmail[]> {
  const rows = await tx.execute<Row>(sql`
    with due as (
      select f.workspace_id, f.key, f.contact_id, f.journey_id, f.version, f.payload, f.created_at
      from journey_effects f
      where f.channel = 'email' and f.status = 'pending'
        and not exists (
          select 1 from email_deliveries d
          where d.workspace_id = f.workspace_id and d.effect_key = f.key and d.retry_at > ${options.now.toISOString()}::timestamptz)
      order by f.created_at
      limit ${options.limit}
      for update of f skip locked
    )
    select due.workspace_id, due.key, coalesce(c0.merged_into, due.contact_id) as contact_id, due.payload,
           coalesce(d.attempts, 0) as attempts, v.published_at, c.id is not null as found,
           c.email, c.first_name, c.last_name, c.name, c.phone, c.city, c.country, c.traits, c.consent,
           s.email is not null as suppressed,
           (select array_agg(o.topic_id::text) from email_topic_optouts o
            where o.workspace_id = due.workspace_id and o.contact_id = c.id) as opted_out_topics
    from due
    left join journey_versions v on v.workspace_id = due.workspace_id and v.journey_id = due.journey_id and v.version = due.version
    left join contacts c0 on c0.workspace_id = due.workspace_id and c0.id = due.contact_id
    left join contacts c on c.workspace_id = due.workspace_id and c.id = coalesce(c0.merged_into, due.contact_id)
    left join email_suppressions s on s.workspace_id = due.workspace_id and s.email = lower(c.email)
    left join email_deliveries d on d.workspace_id = due.workspace_id and d.effect_key = due.key
    order by due.created_at`);
  return rows.rows.map((r) => ({
    workspaceId: r.workspace_id,
    key: r.key,
    contactId: r.contact_id,
    payload: r.payload,
    attempts: Number(r.attempts),
    publishedAt: r.published_at ? new Date(r.published_at) : null,
    contact: r.found
      ? {
          email: r.email,
          firstName: r.first_name,
          lastName: r.last_name,
          name: r.name,
          phone: r.phone,
          city: r.city,
          country: r.country,
          traits: r.traits ?? {},
          consent: r.consent ?? {},
        }
      : null,
    suppressed: r.suppressed,
    optedOutTopics: r.opted_out_topics ?? [],
  }));
}

/** What became of one claimed effect. `retrying` leaves it pending until `retryAt`. */
export interface EmailOutcome {
  workspaceId: string;
  key: string;
  contactId: string;
  status: "sent" | "skipped" | "bounced" | "retrying" | "failed";
  messageId?: string | undefined;
  toAddress?: string | undefined;
  templateId?: string | undefined;
  templateVersion?: number | undefined;
  via?: "smtp" | "mailbox" | undefined;
  attempts: number;
  retryAt?: Date | undefined;
  detail?: string | undefined;
}

const EFFECT_STATUS: Record<EmailOutcome["status"], string> = {
  sent: "done",
  skipped: "skipped",
  bounced: "failed",
  failed: "failed",
  retrying: "pending",
};

/** Records outcomes on the outbox rows and in `email_deliveries`, set-based, in the caller's tx. */
export async function finishEmailEffects(tx: Tx, list: readonly EmailOutcome[]): Promise<void> {
  if (list.length === 0) return;
  const col = <T>(f: (o: EmailOutcome) => T) => pgArray(list.map(f));
  await tx.execute(sql`
    insert into email_deliveries (workspace_id, effect_key, contact_id, status, message_id, to_address,
                                  template_id, template_version, via, attempts, retry_at, detail, updated_at)
    select u.workspace_id, u.key, u.contact_id, u.status, u.message_id, u.to_address, u.template_id,
           u.template_version, u.via, u.attempts, u.retry_at, u.detail, now()
    from unnest(${col((o) => o.workspaceId)}::uuid[], ${col((o) => o.key)}::text[], ${col((o) => o.contactId)}::uuid[],
                ${col((o) => o.status)}::text[], ${col((o) => o.messageId ?? null)}::text[], ${col((o) => o.toAddress ?? null)}::text[],
                ${col((o) => o.templateId ?? null)}::uuid[], ${col((o) => o.templateVersion ?? null)}::int[],
                ${col((o) => o.via ?? null)}::text[], ${col((o) => o.attempts)}::int[],
                ${col((o) => o.retryAt?.toISOString() ?? null)}::timestamptz[], ${col((o) => o.detail ?? null)}::text[])
      as u(workspace_id, key, contact_id, status, message_id, to_address, template_id, template_version, via, attempts, retry_at, detail)
    on conflict (workspace_id, effect_key) do update set
      status = excluded.status, message_id = coalesce(excluded.message_id, email_deliveries.message_id),
      to_address = excluded.to_address, template_id = excluded.template_id,
      template_version = excluded.template_version, via = excluded.via, attempts = excluded.attempts,
      retry_at = excluded.retry_at, detail = excluded.detail, updated_at = now()`);
  await tx.execute(sql`
    update journey_effects f set status = u.status, attempts = u.attempts, last_error = u.detail
    from unnest(${col((o) => o.workspaceId)}::uuid[], ${col((o) => o.key)}::text[],
                ${col((o) => EFFECT_STATUS[o.status])}::text[], ${col((o) => o.attempts)}::int[],
                ${col((o) => (o.status === "sent" ? null : (o.detail ?? null)))}::text[])
      as u(workspace_id, key, status, attempts, detail)
    where f.workspace_id = u.workspace_id and f.key = u.key and f.status = 'pending'`);
}
