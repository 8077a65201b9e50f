import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { pgArray } from "../sql-array.ts";
import { type Identity, identityKey, MERGE_PRECEDENCE } from "./identity.ts";
import { mergeContacts } from "./merge.ts";

/** A drizzle transaction (or the database itself). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export interface ResolvedContacts {
  /** The contact of each group, in the order given. */
  contactIds: string[];
  /** Contacts created by this call. */
  created: Set<string>;
}

/**
 * A scalar subquery: the known identities among `keys` as a JSON array of
 * `[kind, value, contactId]`. One parameter (a JSON text) for the whole batch; composable into a
 * larger statement (see `probeBatch`).
 */
export function knownIdentitiesSql(workspaceId: string, keys: readonly Identity[]): SQL {
  // `limit 1` keeps the lateral subquery from being flattened into a join, so each key is one
  // primary-key probe; as a plain join the planner hashes every identity of the workspace.
  return sql`(
    select coalesce(json_agg(json_build_array(k.kind, k.value, i.contact_id)), '[]'::json)
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(kind text, value text)
    cross join lateral (
      select i.contact_id from contact_identities i
      where i.workspace_id = ${workspaceId} and i.kind = k.kind and i.value = k.value limit 1) i)`;
}

/** The result of `knownIdentitiesSql` as identity key → contact id. */
export function knownIdentities(rows: unknown): Map<string, string> {
  const map = new Map<string, string>();
  // The subquery builds exactly this shape; node-postgres parses the json column.
  for (const [kind, value, contactId] of rows as Array<[Identity["kind"], string, string]>) {
    map.set(identityKey({ kind, value }), contactId);
  }
  return map;
}

async function lookup(tx: Tx, workspaceId: string, keys: Identity[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.execute<{ known: unknown }>(
    sql`select ${knownIdentitiesSql(workspaceId, keys)} as known`,
  );
  return knownIdentities(rows.rows[0]?.known ?? []);
}

/**
 * Finds or creates the contact behind each group of identities (the ids one event or lead
 * carries), merging contacts that a group shows to be the same person. Set-based: one lookup
 * for the whole batch, one insert of new contacts, one insert of new identities; only merges
 * (rare) cost a few statements each. Must run inside a transaction.
 *
 * Two batches creating the same new identity at once are serialised by a transaction-scoped
 * advisory lock per unknown identity, taken in a fixed order so they cannot deadlock.
 */
export async function resolveContacts(
  tx: Tx,
  workspaceId: string,
  groups: Identity[][],
  /** The result of a `knownIdentitiesSql` lookup of every identity in `groups`, if the caller ran one. */
  options: { known?: Map<string, string> } = {},
): Promise<ResolvedContacts> {
  const unique = new Map<string, Identity>();
  for (const group of groups) for (const id of group) unique.set(identityKey(id), id);
  const all = [...unique.values()];
  let known = options.known ?? (await lookup(tx, workspaceId, all));

  const unknown = all.filter((i) => !known.has(identityKey(i)));
  if (unknown.length > 0) {
    const lockKeys = unknown.map((i) => `${workspaceId}:${i.kind}:${i.value}`).sort();
    await tx.execute(sql`
      select pg_advisory_xact_lock(hashtextextended(k, 0))
      from unnest(${pgArray(lockKeys)}::text[]) with ordinality as t(k, n) order by n`);
    // Another transaction may have created some of them while we waited.
    known = await lookup(tx, workspaceId, all);
  }
  const existing = new Set(known.values());

  const local = new Map(known);
  const created = new Set<string>();
  const merges: Array<{ loser: string; survivor: string }> = [];
  const contactIds: string[] = [];

  for (const group of groups) {
    const ids = [
      ...new Set(group.map((i) => local.get(identityKey(i))).filter((c): c is string => !!c)),
    ];
    let contactId: string;
    if (ids.length === 0) {
      contactId = randomUUID();
      created.add(contactId);
    } else if (ids.length === 1) {
      contactId = ids[0]!;
    } else {
      contactId = pickSurvivor(group, local, ids, existing);
      for (const loser of ids) {
        if (loser === contactId) continue;
        merges.push({ loser, survivor: contactId });
        for (const [key, value] of local) if (value === loser) local.set(key, contactId);
        created.delete(loser);
      }
    }
    for (const id of group) local.set(identityKey(id), contactId);
    contactIds.push(contactId);
  }

  // Merges can retarget earlier groups: read the final owner of each group's first identity.
  const final = groups.map((group, i) =>
    group[0] ? local.get(identityKey(group[0]))! : contactIds[i]!,
  );

  const newContacts = [...created];
  if (newContacts.length > 0) {
    // The first identity of each kind per contact, in one pass (a search per new contact
    // was quadratic: seconds per batch of a few thousand).
    const firsts = new Map<string, string>();
    for (const i of all) {
      const key = `${local.get(identityKey(i))}\u0000${i.kind}`;
      if (!firsts.has(key)) firsts.set(key, i.value);
    }
    const firstOf = (id: string, kind: string) => firsts.get(`${id}\u0000${kind}`) ?? null;
    await tx.execute(sql`
      insert into contacts (workspace_id, id, user_id, email, phone)
      select ${workspaceId}, c.id, c.user_id, c.email, c.phone
      from unnest(${pgArray(newContacts)}::uuid[], ${pgArray(newContacts.map((id) => firstOf(id, "user_id")))}::text[],
                  ${pgArray(newContacts.map((id) => firstOf(id, "email")))}::text[],
                  ${pgArray(newContacts.map((id) => firstOf(id, "phone")))}::text[]) as c(id, user_id, email, phone)`);
  }

  const toInsert = all.filter((i) => !known.has(identityKey(i)));
  if (toInsert.length > 0) {
    await tx.execute(sql`
      insert into contact_identities (workspace_id, kind, value, contact_id)
      select ${workspaceId}, k.kind, k.value, k.contact_id
      from unnest(${pgArray(toInsert.map((i) => i.kind))}::text[], ${pgArray(toInsert.map((i) => i.value))}::text[],
                  ${pgArray(toInsert.map((i) => local.get(identityKey(i))!))}::uuid[]) as k(kind, value, contact_id)
      on conflict do nothing`);
  }

  for (const { loser, survivor } of merges) {
    if (existing.has(loser)) await mergeContacts(tx, workspaceId, loser, survivor);
  }

  return { contactIds: final, created };
}

/** An existing contact beats one created in this batch; among existing ones, by precedence. */
function pickSurvivor(
  group: Identity[],
  local: Map<string, string>,
  ids: string[],
  existing: Set<string>,
): string {
  for (const kind of MERGE_PRECEDENCE) {
    const owner = group.find((i) => i.kind === kind && local.has(identityKey(i)));
    if (owner) {
      const id = local.get(identityKey(owner))!;
      if (existing.has(id)) return id;
    }
  }
  return ids.find((id) => existing.has(id)) ?? ids[0]!;
}
