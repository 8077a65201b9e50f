import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { editContact } from "../contacts/card-edit.ts";
import { enrollDateTriggers } from "./date-triggers.ts";
import { createContact, publish, settle } from "./engine-test-support.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const DAY = 86_400_000;
const MIN = 60_000;

function graph(trigger: object, reentry: object) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "t", type: "trigger-date", position: { x: 0, y: 0 }, data: trigger },
      { id: "m", type: "send-email", position: { x: 1, y: 0 }, data: { templateId: "tpl" } },
    ],
    edges: [{ id: "e", source: "t", target: "m" }],
    settings: { reentry },
  };
}

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("date triggers", () => {
  it("enrolls each contact once at its local firing time, birthdays yearly and N days before a date", async () => {
    const { workspaceId } = await createTenant(database.db);
    // Midnight UTC of the day after tomorrow: later than the journeys' publish time below.
    const D = Math.floor(Date.now() / DAY) * DAY + 2 * DAY;
    const birthday = await publish(
      database.db,
      workspaceId,
      graph({ attribute: "birthday", yearly: true, at: "09:00" }, { mode: "always" }),
      "Birthday",
    );
    const trial = await publish(
      database.db,
      workspaceId,
      graph(
        { attribute: "trial_ends", offset: { amount: -3, unit: "days" }, at: "10:00" },
        { mode: "once" },
      ),
      "Trial ends",
    );
    const born = `1990-${ymd(D).slice(5)}`;
    const london = await createContact(database.db, workspaceId, "d-utc", { timeZone: "UTC" });
    const tokyo = await createContact(database.db, workspaceId, "d-tokyo", {
      timeZone: "Asia/Tokyo",
    });
    const later = await createContact(database.db, workspaceId, "d-later");
    await createContact(database.db, workspaceId, "d-none");
    const trialist = await createContact(database.db, workspaceId, "d-trial", {
      traits: { trial_ends: ymd(D + 3 * DAY) },
    });
    await createContact(database.db, workspaceId, "d-expired", {
      traits: { trial_ends: "2020-01-01" },
    });
    await database.db.transaction(async (tx) => {
      await editContact(tx, workspaceId, london, { birthday: born });
      await editContact(tx, workspaceId, tokyo, { birthday: born });
      await editContact(tx, workspaceId, later, { birthday: `1990-${ymd(D + 10 * DAY).slice(5)}` });
    });

    const runs = async (journeyId: string) => {
      const r = await database.db.execute<{ contact_id: string; at: string }>(sql`
        select contact_id, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as at
        from enrollments where journey_id = ${journeyId} order by started_at`);
      return r.rows.map((x) => [x.contact_id, x.at]);
    };
    const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

    expect(await enrollDateTriggers(database.db, D - 20 * MIN)).toBe(0);
    // 09:00 in Tokyo is midnight UTC: enrolled ahead, starting at the firing time.
    expect(await enrollDateTriggers(database.db, D - 10 * MIN)).toBe(1);
    expect(await enrollDateTriggers(database.db, D - 10 * MIN)).toBe(0);
    expect(await enrollDateTriggers(database.db, D - 5 * MIN)).toBe(0);
    expect(await runs(birthday)).toEqual([[tokyo, iso(D)]]);

    // Not started before its time, started at it.
    await settle(database.db, workspaceId, D - MIN);
    const before = await database.db.execute<{ status: string }>(sql`
      select status from enrollments where contact_id = ${tokyo}`);
    expect(before.rows).toEqual([{ status: "active" }]);
    await settle(database.db, workspaceId, D);
    const after = await database.db.execute<{ status: string }>(sql`
      select status from enrollments where contact_id = ${tokyo}`);
    expect(after.rows).toEqual([{ status: "exited" }]);

    expect(await enrollDateTriggers(database.db, D + 8 * 60 * MIN + 50 * MIN)).toBe(1);
    expect(await enrollDateTriggers(database.db, D + 9 * 60 * MIN + 50 * MIN)).toBe(1);
    // A day later, and again: nothing new (next birthdays are a year away).
    expect(await enrollDateTriggers(database.db, D + DAY)).toBe(0);
    expect(await enrollDateTriggers(database.db, D + DAY + 5 * MIN)).toBe(0);

    expect(await runs(birthday)).toEqual([
      [tokyo, iso(D)],
      [london, iso(D + 9 * 60 * MIN)],
    ]);
    expect(await runs(trial)).toEqual([[trialist, iso(D + 10 * 60 * MIN)]]);
  });
});
