import { sql } from "drizzle-orm";
import type { Tx } from "./resolve.ts";

/**
 * Merges contact `loser` into `survivor`: identities, events, leads, stage history and current
 * stages follow; the survivor's own fields win, the loser's fill the gaps; the loser stays as
 * a tombstone pointing at the survivor.
 */
export async function mergeContacts(
  tx: Tx,
  workspaceId: string,
  loser: string,
  survivor: string,
): Promise<void> {
  await tx.execute(
    sql`update contact_identities set contact_id = ${survivor} where workspace_id = ${workspaceId} and contact_id = ${loser}`,
  );
  await tx.execute(
    sql`update events set contact_id = ${survivor} where workspace_id = ${workspaceId} and contact_id = ${loser}`,
  );
  await tx.execute(
    sql`update leads set contact_id = ${survivor} where workspace_id = ${workspaceId} and contact_id = ${loser}`,
  );
  await tx.execute(
    sql`update stage_moves set contact_id = ${survivor} where workspace_id = ${workspaceId} and contact_id = ${loser}`,
  );
  // In a funnel where both have a stage, the survivor's stays.
  await tx.execute(sql`
    update contact_stages l set contact_id = ${survivor}
    where l.workspace_id = ${workspaceId} and l.contact_id = ${loser}
      and not exists (select 1 from contact_stages s where s.workspace_id = ${workspaceId}
                      and s.funnel_id = l.funnel_id and s.contact_id = ${survivor})`);
  await tx.execute(
    sql`delete from contact_stages where workspace_id = ${workspaceId} and contact_id = ${loser}`,
  );
  await tx.execute(sql`
    update contacts s set
      user_id = coalesce(s.user_id, l.user_id), email = coalesce(s.email, l.email),
      phone = coalesce(s.phone, l.phone), first_name = coalesce(s.first_name, l.first_name),
      last_name = coalesce(s.last_name, l.last_name), name = coalesce(s.name, l.name),
      gender = coalesce(s.gender, l.gender), birthday = coalesce(s.birthday, l.birthday),
      city = coalesce(s.city, l.city), country = coalesce(s.country, l.country),
      time_zone = coalesce(s.time_zone, l.time_zone),
      preferred_channel = coalesce(s.preferred_channel, l.preferred_channel),
      handles = l.handles || s.handles, consent = l.consent || s.consent, traits = l.traits || s.traits,
      tags = array(select distinct unnest(s.tags || l.tags)),
      lifetime_revenue = s.lifetime_revenue + l.lifetime_revenue, order_count = s.order_count + l.order_count,
      source = coalesce(l.source, s.source),
      first_seen_at = least(s.first_seen_at, l.first_seen_at), last_seen_at = greatest(s.last_seen_at, l.last_seen_at),
      updated_at = now()
    from contacts l
    where s.workspace_id = ${workspaceId} and s.id = ${survivor} and l.workspace_id = ${workspaceId} and l.id = ${loser}`);
  await tx.execute(
    sql`update contacts set merged_into = ${survivor}, updated_at = now() where workspace_id = ${workspaceId} and id = ${loser}`,
  );
}
