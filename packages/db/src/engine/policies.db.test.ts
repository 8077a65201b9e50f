import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createContact, nextWake, publish, settle, track } from "./engine-test-support.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** `event` → send email `template`, with journey settings. */
function oneEmail(event: string, template: string, settings: object) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event } },
      { id: "m", type: "send-email", position: { x: 1, y: 0 }, data: { templateId: template } },
    ],
    edges: [{ id: "e", source: "t", target: "m" }],
    settings,
  };
}

async function sends(ws: string) {
  const r = await database.db.execute<{ template: string; at: string }>(sql`
    select payload->>'templateId' as template,
           to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as at
    from journey_effects where workspace_id = ${ws} and type = 'send-email' order by at, template`);
  return r.rows;
}

describe("marketer policies through the engine", () => {
  it("quiet hours defer a send to the end of the quiet period in the contact's time zone", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "quiet");
    await publish(
      database.db,
      ws,
      oneEmail("signed_up", "welcome", { quietHours: { from: "21:00", to: "08:00" } }),
    );
    await createContact(database.db, ws, "berlin", { timeZone: "Europe/Berlin" });
    // 22:30 in Berlin (summer time, UTC+2).
    const at = Date.parse("2026-06-10T20:30:00Z");
    await track(database.db, ws, "berlin", "signed_up", at);
    await settle(database.db, ws, at);
    expect(await sends(ws)).toEqual([]);
    const wake = await nextWake(database.db, ws);
    expect(new Date(wake).toISOString()).toBe("2026-06-11T06:00:00.000Z");
    await settle(database.db, ws, wake + 30_000);
    expect(await sends(ws)).toEqual([{ template: "welcome", at: "2026-06-11T06:00Z" }]);
  });

  it("a frequency cap counts sends across journeys, including ones made in the same batch", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "cap");
    const cap = { frequencyCap: { max: 1, per: { amount: 1, unit: "days" } } };
    await publish(database.db, ws, oneEmail("signed_up", "first", cap), "First");
    await publish(database.db, ws, oneEmail("signed_up", "second", cap), "Second");
    await createContact(database.db, ws, "capped");
    const at = Date.parse("2026-06-10T10:00:00Z");
    await track(database.db, ws, "capped", "signed_up", at);
    await settle(database.db, ws, at);
    const first = await sends(ws);
    expect(first).toHaveLength(1);
    // The other journey's send waits until the day has passed, then goes.
    await settle(database.db, ws, at + 86_400_000 + 1000);
    const both = await sends(ws);
    expect(both).toHaveLength(2);
    expect(both[1]?.at).toBe("2026-06-11T10:00Z");
  });
});
