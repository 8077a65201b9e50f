// Test support for the channel dispatcher's DB tests (not used at runtime).
import { randomUUID } from "node:crypto";
import { type Consent, type Db, insertEffects, storeEvents } from "@voronka/db";
import { sql } from "drizzle-orm";

type OutboxEffect = Parameters<typeof insertEffects>[1][number];
export type EffectInput = OutboxEffect["effect"];

export const TEST_SECRET = "channels-test-secret-0123456789-abcdefghijkl";

let n = 0;

/** A contact created through ingestion (identify), with handles, consent and a preferred channel. */
export async function channelContact(
  db: Db,
  workspaceId: string,
  fields: {
    firstName: string;
    phone?: string;
    handles?: Record<string, string>;
    consent?: Consent;
    preferredChannel?: string;
  },
): Promise<{ userId: string; contactId: string }> {
  n++;
  const userId = `ch-user-${n}-${randomUUID().slice(0, 8)}`;
  const { stored } = await storeEvents(db, workspaceId, [
    {
      messageId: `identify-${userId}`,
      type: "identify",
      name: null,
      userId,
      anonymousId: null,
      identities: [{ kind: "user_id", value: userId }],
      patch: {
        firstName: fields.firstName,
        phone: fields.phone,
        handles: fields.handles ?? {},
        consent: fields.consent ?? {},
        preferredChannel: fields.preferredChannel,
      },
      properties: {},
      context: {},
      timestamp: new Date("2020-01-01T00:00:00Z"),
    },
  ]);
  const contactId = stored[0]?.contactId;
  if (!contactId) throw new Error("contact not created");
  return { userId, contactId };
}

/**
 * Writes one effect to the outbox the way the engine does (`insertEffects`), for a made-up
 * enrollment; returns its key.
 */
export async function queueEffect(
  db: Db,
  workspaceId: string,
  contactId: string,
  effect: (key: string) => EffectInput,
  at = Date.now(),
): Promise<string> {
  const enrollmentId = randomUUID();
  const e = effect(`${enrollmentId}:node:1:send`);
  await db.transaction((tx) =>
    insertEffects(tx, [
      { workspaceId, enrollmentId, journeyId: randomUUID(), version: 1, contactId, at, effect: e },
    ]),
  );
  return e.key;
}

/** The outbox row of an effect. */
export async function effectRow(db: Db, workspaceId: string, key: string) {
  const r = await db.execute<{ status: string; attempts: number; last_error: string | null }>(sql`
    select status, attempts, last_error from journey_effects where workspace_id = ${workspaceId} and key = ${key}`);
  return r.rows[0];
}

/** Events of one name on a contact's timeline. */
export async function contactEvents(db: Db, workspaceId: string, contactId: string, name: string) {
  const r = await db.execute<{ name: string; properties: Record<string, unknown> }>(sql`
    select name, properties from events
    where workspace_id = ${workspaceId} and contact_id = ${contactId} and name = ${name}
    order by id`);
  return r.rows;
}
