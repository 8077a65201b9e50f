import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createContact, nextWake, publish, settle, track } from "../engine/engine-test-support.ts";
import { saveSendingRules } from "./sending-rules.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** `signed_up` → send email `welcome`, with no sending rules of its own. */
const welcome = {
  schemaVersion: 1,
  nodes: [
    { id: "t", type: "trigger-event", position: { x: 0, y: 0 }, data: { event: "signed_up" } },
    { id: "m", type: "send-email", position: { x: 1, y: 0 }, data: { templateId: "welcome" } },
  ],
  edges: [{ id: "e", source: "t", target: "m" }],
};

async function sendTimes(ws: string) {
  const r = await database.db.execute<{ at: string }>(sql`
    select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as at
    from journey_effects where workspace_id = ${ws} and type = 'send-email' order by at`);
  return r.rows.map((row) => row.at);
}

describe("workspace sending rules through the engine", () => {
  it("holds a send in the workspace's quiet hours for a journey that sets none", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "quiet by default");
    await saveSendingRules(database.db, ws, {
      quietHours: { from: "21:00", to: "08:00" },
      frequencyCap: null,
    });
    await publish(database.db, ws, welcome);
    await createContact(database.db, ws, "berlin", { timeZone: "Europe/Berlin" });
    // 22:30 in Berlin (summer time, UTC+2): inside the workspace's quiet hours.
    const at = Date.parse("2026-06-10T20:30:00Z");
    await track(database.db, ws, "berlin", "signed_up", at);
    await settle(database.db, ws, at);
    expect(await sendTimes(ws)).toEqual([]);
    const wake = await nextWake(database.db, ws);
    expect(new Date(wake).toISOString()).toBe("2026-06-11T06:00:00.000Z");
    await settle(database.db, ws, wake + 30_000);
    expect(await sendTimes(ws)).toEqual(["2026-06-11T06:00Z"]);
  });

  it("sends at once in a workspace without rules, and rules saved later don't reach the live version", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "no rules");
    await publish(database.db, ws, welcome);
    await saveSendingRules(database.db, ws, {
      quietHours: { from: "21:00", to: "08:00" },
      frequencyCap: { max: 1, per: { amount: 1, unit: "days" } },
    });
    await createContact(database.db, ws, "late", { timeZone: "Europe/Berlin" });
    const at = Date.parse("2026-06-10T20:30:00Z");
    await track(database.db, ws, "late", "signed_up", at);
    await settle(database.db, ws, at);
    expect(await sendTimes(ws)).toEqual(["2026-06-10T20:30Z"]);
  });
});
