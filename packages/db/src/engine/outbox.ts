import { assertNever, type Effect } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { GroupTable } from "./run-groups.ts";

/** An effect with where it came from, ready for the outbox. */
export interface OutboxEffect {
  workspaceId: string;
  enrollmentId: string;
  journeyId: string;
  version: number;
  contactId: string;
  at: number;
  effect: Effect;
}

/**
 * The outbox channel of an effect, or null for bookkeeping effects that live in the
 * enrollment's own row (wake-ups, exit, conversion) and the transition history.
 */
export function channelOf(effect: Effect): string | null {
  switch (effect.type) {
    case "send-email":
      return "email";
    case "send-message":
      return effect.channel;
    case "audience":
      return "audience";
    case "webhook":
      return "webhook";
    case "issue-promo-code":
      return "promo";
    case "notify-manager":
      return "notify";
    case "move-stage":
    case "mark-lost":
    case "update-contact":
      return "internal";
    case "schedule-wake":
    case "exit":
    case "converted":
      return null;
    default:
      return assertNever(effect, "effect type");
  }
}

/**
 * Effects the engine carries out itself, in the step's own transaction (stage moves, lost
 * marks, contact updates). They are exactly-once without an outbox row: the transaction that
 * applies one also moves the enrollment past its node, or neither happens. Their record is the
 * step's transition row (`journey_transitions.effects`); only a failed one gets an outbox row,
 * `failed` with its reason ({@link recordFailedEffects}).
 */
export function isInternal(effect: Effect): boolean {
  return channelOf(effect) === "internal";
}

/**
 * Inserts the outbox effects (sends, audience changes, webhooks, promo codes, manager
 * notifications; not bookkeeping or {@link isInternal} ones) under their idempotency keys and
 * returns only those actually inserted: an effect a crashed or repeated run already wrote is
 * not returned, so nothing acts on it twice.
 */
export async function insertEffects(
  tx: Tx,
  list: readonly OutboxEffect[],
): Promise<OutboxEffect[]> {
  const rows: OutboxEffect[] = [];
  const params: object[] = [];
  const groups = new GroupTable();
  for (const r of list) {
    const channel = channelOf(r.effect);
    if (channel === null || channel === "internal") continue;
    rows.push(r);
    // One JSON parameter: V8's native stringify, no per-element array escaping; the payload
    // goes in as a nested object and is stored as jsonb without a second parse.
    params.push({
      g: groups.of(r.workspaceId, r.journeyId, r.version),
      e: r.enrollmentId,
      c: r.contactId,
      ch: channel,
      a: r.at,
      p: r.effect,
    });
  }
  if (rows.length === 0) return [];
  const g = groups.columns(sql`u.g`);
  const insert = sql`
    insert into journey_effects (workspace_id, key, enrollment_id, journey_id, version, contact_id,
                                 node_id, type, channel, payload, status, at)
    select ${g.workspaceId}, u.p->>'key', u.e, ${g.journeyId}, ${g.version}, u.c, u.p->>'nodeId',
           u.p->>'type', u.ch, u.p, 'pending', to_timestamp(u.a / 1000)
    from json_to_recordset(${JSON.stringify(params)}::json)
      as u(g int, e uuid, c uuid, ch text, a float8, p jsonb)`;
  // The usual case: every key is new (a crashed batch rolled its effects back with it, and a
  // key belongs to one enrollment, which this batch holds locked). So the rows go in first as a
  // plain insert, without ON CONFLICT's speculative insertion (a second WAL record and index
  // pass per row); a key already stored fails that attempt, which is undone to the savepoint,
  // and the rows go in again skipping the stored keys.
  await tx.execute(sql`savepoint effects`);
  try {
    await tx.execute(insert);
    await tx.execute(sql`release savepoint effects`);
    return rows;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await tx.execute(sql`rollback to savepoint effects`);
  }
  const inserted = await tx.execute<{ workspace_id: string; key: string }>(sql`
    ${insert}
    on conflict (workspace_id, key) do nothing
    returning workspace_id, key`);
  const fresh = new Set(inserted.rows.map((r) => `${r.workspace_id}\u0000${r.key}`));
  return rows.filter((r) => fresh.has(`${r.workspaceId}\u0000${r.effect.key}`));
}

/** The insert failed on an effect key already stored (drizzle wraps the driver's error). */
function isDuplicateKey(err: unknown): boolean {
  const e = err as { cause?: { code?: string; constraint?: string } } & {
    code?: string;
    constraint?: string;
  };
  const cause = e.cause ?? e;
  return cause.code === "23505" && cause.constraint === "journey_effects_workspace_id_key_pk";
}

/**
 * Records the internal effects that could not be applied (e.g. a stage that no longer exists) as
 * `failed` outbox rows with the reason, so a failure shows where other effects' results do.
 */
export async function recordFailedEffects(
  tx: Tx,
  failed: readonly (OutboxEffect & { error: string })[],
): Promise<void> {
  if (failed.length === 0) return;
  const params = failed.map((r) => ({
    w: r.workspaceId,
    e: r.enrollmentId,
    j: r.journeyId,
    v: r.version,
    c: r.contactId,
    a: r.at,
    p: r.effect,
    x: r.error,
  }));
  await tx.execute(sql`
    insert into journey_effects (workspace_id, key, enrollment_id, journey_id, version, contact_id,
                                 node_id, type, channel, payload, status, last_error, at)
    select u.w, u.p->>'key', u.e, u.j, u.v, u.c, u.p->>'nodeId', u.p->>'type', 'internal', u.p,
           'failed', u.x, to_timestamp(u.a / 1000)
    from json_to_recordset(${JSON.stringify(params)}::json)
      as u(w uuid, e uuid, j uuid, v int, c uuid, a float8, p jsonb, x text)
    on conflict (workspace_id, key) do nothing`);
}
