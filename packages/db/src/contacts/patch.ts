import { sql } from "drizzle-orm";
import { withAttributeTriggers } from "../engine/attribute-triggers.ts";
import type { Consent } from "../schema/contacts.ts";
import { pgArray } from "../sql-array.ts";
import type { Tx } from "./resolve.ts";

/** Changes to a contact carried by events: fields set when given, traits merged. */
export interface ContactPatch {
  email?: string | undefined;
  phone?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  name?: string | undefined;
  gender?: string | undefined;
  birthday?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
  timeZone?: string | undefined;
  preferredChannel?: string | undefined;
  source?: string | undefined;
  handles?: Record<string, string>;
  consent?: Consent;
  traits?: Record<string, unknown>;
  lastSeenAt?: Date;
  addRevenue?: number;
  addOrders?: number;
}

const FIELDS = [
  ["email", "email"],
  ["phone", "phone"],
  ["firstName", "first_name"],
  ["lastName", "last_name"],
  ["name", "name"],
  ["gender", "gender"],
  ["birthday", "birthday"],
  ["city", "city"],
  ["country", "country"],
  ["timeZone", "time_zone"],
  ["preferredChannel", "preferred_channel"],
] as const;

/**
 * Whether a patch changes more than the last-seen time. Last-seen alone is written at most
 * every 5 minutes per contact: a busy contact must not rewrite its row on every event.
 */
function hasChanges(p: ContactPatch): boolean {
  return Object.entries(p).some(([key, value]) => key !== "lastSeenAt" && value !== undefined);
}

/**
 * Applies one patch per contact in a single UPDATE … FROM unnest(…); contacts whose attributes
 * it changes enter journeys that start on those attributes, in the same transaction.
 */
export async function patchContacts(
  tx: Tx,
  workspaceId: string,
  patches: Map<string, ContactPatch>,
): Promise<void> {
  const seenOnly = [...patches].filter(([, p]) => !hasChanges(p) && p.lastSeenAt);
  if (seenOnly.length > 0) {
    // The common case (a known contact doing something): a narrow update, rarely matching.
    await tx.execute(sql`
      update contacts c set last_seen_at = p.ts, updated_at = now()
      from unnest(${pgArray(seenOnly.map(([id]) => id))}::uuid[],
                  ${pgArray(seenOnly.map(([, p]) => p.lastSeenAt!.toISOString()))}::timestamptz[]) as p(id, ts)
      where c.workspace_id = ${workspaceId} and c.id = p.id and c.last_seen_at < p.ts - interval '5 minutes'`);
  }
  const changed = [...patches].filter(([, p]) => hasChanges(p));
  if (changed.length === 0) return;
  const ids = changed.map(([id]) => id);
  const list = changed.map(([, p]) => p);
  const col = (key: (typeof FIELDS)[number][0]) => list.map((p) => p[key] ?? null);
  await withAttributeTriggers(tx, workspaceId, ids, () =>
    tx.execute(sql`
    update contacts c set
      email = coalesce(p.email, c.email),
      phone = coalesce(p.phone, c.phone),
      first_name = coalesce(p.first_name, c.first_name),
      last_name = coalesce(p.last_name, c.last_name),
      name = coalesce(p.name, c.name),
      gender = coalesce(p.gender, c.gender),
      birthday = coalesce(p.birthday::date, c.birthday),
      city = coalesce(p.city, c.city),
      country = coalesce(p.country, c.country),
      time_zone = coalesce(p.time_zone, c.time_zone),
      preferred_channel = coalesce(p.preferred_channel, c.preferred_channel),
      source = coalesce(c.source, p.source),
      handles = c.handles || p.handles::jsonb,
      consent = c.consent || p.consent::jsonb,
      traits = c.traits || p.traits::jsonb,
      last_seen_at = greatest(c.last_seen_at, coalesce(p.last_seen_at, c.last_seen_at)),
      first_seen_at = least(c.first_seen_at, coalesce(p.last_seen_at, c.first_seen_at)),
      lifetime_revenue = c.lifetime_revenue + p.add_revenue,
      order_count = c.order_count + p.add_orders,
      updated_at = now()
    from unnest(
      ${pgArray(ids)}::uuid[], ${pgArray(col("email"))}::text[], ${pgArray(col("phone"))}::text[], ${pgArray(col("firstName"))}::text[],
      ${pgArray(col("lastName"))}::text[], ${pgArray(col("name"))}::text[], ${pgArray(col("gender"))}::text[], ${pgArray(col("birthday"))}::text[],
      ${pgArray(col("city"))}::text[], ${pgArray(col("country"))}::text[], ${pgArray(col("timeZone"))}::text[], ${pgArray(col("preferredChannel"))}::text[],
      ${pgArray(list.map((p) => p.source ?? null))}::text[],
      ${pgArray(list.map((p) => JSON.stringify(p.handles ?? {})))}::text[],
      ${pgArray(list.map((p) => JSON.stringify(p.consent ?? {})))}::text[],
      ${pgArray(list.map((p) => JSON.stringify(p.traits ?? {})))}::text[],
      ${pgArray(list.map((p) => p.lastSeenAt?.toISOString() ?? null))}::timestamptz[],
      ${pgArray(list.map((p) => p.addRevenue ?? 0))}::numeric[], ${pgArray(list.map((p) => p.addOrders ?? 0))}::int[]
    ) as p(id, email, phone, first_name, last_name, name, gender, birthday, city, country, time_zone,
           preferred_channel, source, handles, consent, traits, last_seen_at, add_revenue, add_orders)
    where c.workspace_id = ${workspaceId} and c.id = p.id`),
  );
}
