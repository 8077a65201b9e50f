import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { createFunnel } from "../funnels/funnels.ts";
import { moveContacts } from "../funnels/move.ts";
import { changeJourneyStatus } from "../journeys/lifecycle.ts";
import { publishJourney, updateDraft } from "../journeys/manage.ts";
import { advanceBatch } from "./advance.ts";
import { createContact, publish, settle, track } from "./engine-test-support.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const DAY = 86_400_000;

/** A graph node at column `x`. */
const node = (id: string, type: string, data: object, x: number) => ({
  id,
  type,
  position: { x, y: 0 },
  data,
});

/** A batch that fails just before it would commit. */
async function crashingBatch(now: number): Promise<void> {
  const boom = advanceBatch(database.db, {
    now,
    beforeCommit: () => {
      throw new Error("crash");
    },
  });
  await expect(boom).rejects.toThrow("crash");
}
const T0 = Date.parse("2026-04-01T10:00:00Z");

/** signed_up → email A → wait 1 day → email <second> → end. */
function twoEmails(second = "tpl-b", reentry: object = {}) {
  return {
    schemaVersion: 1,
    nodes: [
      node("t", "trigger-event", { event: "signed_up" }, 0),
      node("a", "send-email", { templateId: "tpl-a" }, 1),
      node("w", "wait", { mode: "duration", duration: { amount: 1, unit: "days" } }, 2),
      node("b", "send-email", { templateId: second }, 3),
    ],
    edges: [
      { id: "e1", source: "t", target: "a" },
      { id: "e2", source: "a", target: "w" },
      { id: "e3", source: "w", target: "b" },
    ],
    settings: { reentry },
  };
}

async function effects(ws: string) {
  const r = await database.db.execute<{
    node_id: string;
    template: string;
    at: string;
    user_id: string;
  }>(sql`
    select f.node_id, f.payload->>'templateId' as template, f.at::text as at, c.user_id
    from journey_effects f join contacts c on c.workspace_id = f.workspace_id and c.id = f.contact_id
    where f.workspace_id = ${ws} order by c.user_id, f.at, f.node_id`);
  return r.rows;
}

async function contacts(ws: string, n: number, prefix = "c") {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await createContact(database.db, ws, `${prefix}${i}`));
  return ids;
}

describe("pause and resume", () => {
  it("sends nothing while paused, enrolls nobody new, and continues on resume", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "pause");
    const journeyId = await publish(database.db, ws, twoEmails());
    await contacts(ws, 3);
    for (let i = 0; i < 3; i++) await track(database.db, ws, `c${i}`, "signed_up", T0);
    await settle(database.db, ws, T0);
    expect((await effects(ws)).map((e) => e.node_id)).toEqual(["a", "a", "a"]);

    await changeJourneyStatus(database.db, ws, journeyId, "pause", new Date(T0 + DAY / 2));
    await createContact(database.db, ws, "late");
    await track(database.db, ws, "late", "signed_up", T0 + DAY);
    const paused = await advanceBatch(database.db, { now: T0 + 3 * DAY });
    expect(paused.enrollments).toBe(0);
    expect(await effects(ws)).toHaveLength(3);

    const resumedAt = T0 + 4 * DAY;
    await changeJourneyStatus(database.db, ws, journeyId, "resume", new Date(resumedAt));
    await settle(database.db, ws, resumedAt);
    const after = await effects(ws);
    expect(after.filter((e) => e.node_id === "b")).toHaveLength(3);
    // The held sends go out at resume time, not back-dated to when they fell due.
    for (const e of after.filter((x) => x.node_id === "b"))
      expect(Date.parse(e.at)).toBe(resumedAt);
    expect(after.some((e) => e.user_id === "late")).toBe(false);
  });

  it("refuses transitions that make no sense", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "transitions");
    const journeyId = await publish(database.db, ws, twoEmails());
    await expect(changeJourneyStatus(database.db, ws, journeyId, "resume")).rejects.toThrow(
      /cannot resume/,
    );
    await expect(changeJourneyStatus(database.db, ws, journeyId, "archive")).rejects.toThrow(
      /cannot archive/,
    );
  });
});

describe("versions", () => {
  it("a new version applies to new enrollments; contacts in flight stay on theirs", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "versions");
    const journeyId = await publish(database.db, ws, twoEmails("tpl-b-v1"));
    await contacts(ws, 2);
    await track(database.db, ws, "c0", "signed_up", T0);
    await settle(database.db, ws, T0);

    await updateDraft(database.db, ws, journeyId, { draft: twoEmails("tpl-b-v2") });
    const published = await publishJourney(database.db, ws, journeyId);
    expect("version" in published && published.version).toBe(2);
    await track(database.db, ws, "c1", "signed_up", T0 + 1000);
    await settle(database.db, ws, T0 + 2 * DAY);

    const second = (await effects(ws)).filter((e) => e.node_id === "b");
    expect(second.map((e) => [e.user_id, e.template])).toEqual([
      ["c0", "tpl-b-v1"],
      ["c1", "tpl-b-v2"],
    ]);
    const versions = await database.db.execute<{ version: number }>(
      sql`select version from enrollments where workspace_id = ${ws} order by started_at`,
    );
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
  });

  it("stop ends every run and closes its open node", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "stop");
    const journeyId = await publish(database.db, ws, twoEmails());
    await contacts(ws, 2);
    for (let i = 0; i < 2; i++) await track(database.db, ws, `c${i}`, "signed_up", T0);
    await settle(database.db, ws, T0);
    await changeJourneyStatus(database.db, ws, journeyId, "stop", new Date(T0 + 1000));
    await settle(database.db, ws, T0 + 5 * DAY);
    expect(await effects(ws)).toHaveLength(2);
    const open = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from journey_transitions where workspace_id = ${ws} and left_at is null`,
    );
    expect(open.rows[0]?.n).toBe(0);
    const st = await database.db.execute<{ status: string; reason: string }>(
      sql`select status, state->>'exitReason' as reason from enrollments where workspace_id = ${ws}`,
    );
    expect(st.rows.every((r) => r.status === "exited" && r.reason === "journey-stopped")).toBe(
      true,
    );
  });
});

describe("re-entry", () => {
  it.each([
    ["once", { mode: "once" }, 1],
    ["after-exit", { mode: "after-exit" }, 2],
    [
      "after-exit with a 7-day cooldown",
      { mode: "after-exit", cooldown: { amount: 7, unit: "days" } },
      1,
    ],
  ])("%s", async (_name, reentry, runs) => {
    const { workspaceId: ws } = await createTenant(database.db, "reentry");
    await publish(database.db, ws, twoEmails("tpl-b", reentry));
    await contacts(ws, 1);
    await track(database.db, ws, "c0", "signed_up", T0);
    // Still in the journey: after-exit must not admit a second run yet.
    await track(database.db, ws, "c0", "signed_up", T0 + 1000);
    await settle(database.db, ws, T0 + 2 * DAY);
    await track(database.db, ws, "c0", "signed_up", T0 + 3 * DAY);
    await settle(database.db, ws, T0 + 5 * DAY);
    const n = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from enrollments where workspace_id = ${ws}`,
    );
    expect(n.rows[0]?.n).toBe(runs);
    expect(await effects(ws)).toHaveLength(2 * runs);
  });
});

describe("crash safety", () => {
  it("a batch that fails before commit leaves no trace; the re-run writes each effect once", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "throw");
    await publish(database.db, ws, twoEmails());
    await contacts(ws, 10);
    for (let i = 0; i < 10; i++) await track(database.db, ws, `c${i}`, "signed_up", T0);
    await crashingBatch(T0);
    expect(await effects(ws)).toHaveLength(0);
    await settle(database.db, ws, T0);
    await settle(database.db, ws, T0);
    await settle(database.db, ws, T0 + DAY);
    expect(await effects(ws)).toHaveLength(20);
  });

  it("concurrent batches take disjoint enrollments", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "concurrent");
    await publish(database.db, ws, twoEmails());
    await contacts(ws, 60);
    for (let i = 0; i < 60; i++) await track(database.db, ws, `c${i}`, "signed_up", T0);
    const runs = await Promise.all(
      [0, 1, 2].map(() => advanceBatch(database.db, { now: T0, batchSize: 25 })),
    );
    expect(runs.reduce((n, r) => n + r.enrollments, 0)).toBeLessThanOrEqual(60);
    await settle(database.db, ws, T0 + DAY);
    expect(await effects(ws)).toHaveLength(120);
  });

  it("a worker killed with SIGKILL mid-batch, again and again, loses no enrollment and duplicates no effect", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "sigkill");
    await publish(database.db, ws, twoEmails());
    const n = 200;
    await contacts(ws, n);
    for (let i = 0; i < n; i++) await track(database.db, ws, `c${i}`, "signed_up", T0);
    const child = fileURLToPath(new URL("./crash-child.ts", import.meta.url));
    /** Effects in the outbox after each kill. */
    const kills: number[] = [];
    for (let round = 0; round < 5; round++) {
      // node itself (not the tsx wrapper), so SIGKILL hits the process holding the transaction.
      const p = spawn(
        process.execPath,
        ["--import", "tsx", child, database.url, String(T0 + DAY)],
        {
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      await new Promise<void>((resolve) => p.stdout.once("data", () => resolve()));
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 250)));
      p.kill("SIGKILL");
      await new Promise((r) => p.once("exit", r));
      kills.push((await effects(ws)).length);
    }
    // Killed while work remained: progress was partial when the worker died.
    expect(
      kills.some((k) => k > 0 && k < 2 * n),
      `outbox after each kill: ${kills}`,
    ).toBe(true);
    await settle(database.db, ws, T0 + DAY);
    const rows = await effects(ws);
    expect(rows).toHaveLength(2 * n);
    expect(new Set(rows.map((r) => `${r.user_id}:${r.node_id}`)).size).toBe(2 * n);
    const st = await database.db.execute<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from enrollments where workspace_id = ${ws} group by status`,
    );
    expect(st.rows).toEqual([{ status: "exited", n }]);
  }, 60_000);
});

describe("stage conditions", () => {
  it("read the funnel stage a contact was in before the batch", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "stages");
    const funnel = await createFunnel(database.db, ws, { name: "Deals", stages: ["New", "Offer"] });
    const offer = funnel.stages.find((s) => s.name === "Offer")?.id ?? "";
    await publish(database.db, ws, {
      schemaVersion: 1,
      nodes: [
        node("t", "trigger-event", { event: "signed_up" }, 0),
        node(
          "c",
          "condition",
          { condition: { kind: "stage", funnel: funnel.id, op: "in", stages: [offer] } },
          1,
        ),
        node("yes", "send-email", { templateId: "tpl-offer" }, 2),
        node("no", "send-email", { templateId: "tpl-other" }, 2),
      ],
      edges: [
        { id: "e1", source: "t", target: "c" },
        { id: "e2", source: "c", sourceHandle: "yes", target: "yes" },
        { id: "e3", source: "c", sourceHandle: "no", target: "no" },
      ],
    });
    const [inOffer] = await contacts(ws, 2);
    await database.db.transaction((tx) =>
      moveContacts(tx, ws, [
        { funnelId: funnel.id, contactId: inOffer ?? "", toStageId: offer, cause: "api" },
      ]),
    );
    for (let i = 0; i < 2; i++) await track(database.db, ws, `c${i}`, "signed_up", T0);
    await settle(database.db, ws, T0);
    expect((await effects(ws)).map((e) => `${e.user_id}:${e.template}`)).toEqual([
      "c0:tpl-offer",
      "c1:tpl-other",
    ]);
  });
});

describe("internal effects", () => {
  /** signed_up → move to `stage` → email. */
  function moveThenEmail(funnelId: string, stageId: string) {
    return {
      schemaVersion: 1,
      nodes: [
        node("t", "trigger-event", { event: "signed_up" }, 0),
        node("m", "move-stage", { funnel: funnelId, stage: stageId }, 1),
        node("a", "send-email", { templateId: "tpl-a" }, 2),
      ],
      edges: [
        { id: "e1", source: "t", target: "m" },
        { id: "e2", source: "m", target: "a" },
      ],
    };
  }

  const moves = async (ws: string) =>
    (
      await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from stage_moves where workspace_id = ${ws} and cause = 'journey'`,
      )
    ).rows[0]?.n;

  it("are applied with the step, once, and recorded on its transition instead of the outbox", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "internal");
    const funnel = await createFunnel(database.db, ws, { name: "Deals", stages: ["Welcomed"] });
    const stage = funnel.stages[0]?.id ?? "";
    await publish(database.db, ws, moveThenEmail(funnel.id, stage));
    await contacts(ws, 2);
    for (let i = 0; i < 2; i++) await track(database.db, ws, `c${i}`, "signed_up", T0);

    // A batch that dies before commit moves nobody.
    await crashingBatch(T0);
    expect(await moves(ws)).toBe(0);

    await settle(database.db, ws, T0);
    await settle(database.db, ws, T0 + DAY);
    expect(await moves(ws)).toBe(2);
    const inStage = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from contact_stages where workspace_id = ${ws} and stage_id = ${stage}`,
    );
    expect(inStage.rows[0]?.n).toBe(2);
    // The outbox holds the sends only; each step's row records its stage move.
    expect((await effects(ws)).map((e) => e.node_id)).toEqual(["a", "a"]);
    const recorded = await database.db.execute<{ key: string; type: string; stage: string }>(sql`
      select x->>'key' as key, x->>'type' as type, x->>'stage' as stage
      from journey_transitions t cross join lateral json_array_elements(t.effects) x
      where t.workspace_id = ${ws} order by 1`);
    expect(recorded.rows.map((r) => [r.type, r.stage])).toEqual([
      ["move-stage", stage],
      ["move-stage", stage],
    ]);
    expect(recorded.rows.every((r) => /^[0-9a-f-]{36}:m:1:/.test(r.key))).toBe(true);
  });

  it("one that cannot be applied is recorded as failed, and the run goes on", async () => {
    const { workspaceId: ws } = await createTenant(database.db, "internal-failed");
    const funnel = await createFunnel(database.db, ws, { name: "Deals", stages: ["Gone"] });
    const stage = funnel.stages[0]?.id ?? "";
    await publish(database.db, ws, moveThenEmail(funnel.id, stage));
    // The stage disappears after the journey was published.
    await database.db.execute(
      sql`delete from funnel_stages where workspace_id = ${ws} and id = ${stage}`,
    );
    await contacts(ws, 1);
    await track(database.db, ws, "c0", "signed_up", T0);
    await settle(database.db, ws, T0);
    expect(await moves(ws)).toBe(0);
    const failed = await database.db.execute<{ type: string; status: string; error: string }>(sql`
      select type, status, last_error as error from journey_effects
      where workspace_id = ${ws} and channel = 'internal'`);
    expect(failed.rows).toEqual([
      { type: "move-stage", status: "failed", error: "No such funnel or stage in this workspace." },
    ]);
    expect((await effects(ws)).map((e) => e.node_id).sort()).toEqual(["a", "m"]);
  });
});
