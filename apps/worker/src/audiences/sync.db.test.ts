import { createHash } from "node:crypto";
import {
  FAKE_GOOGLE_DEVELOPER_TOKEN,
  FAKE_TOKENS,
  type FakeAdPlatforms,
  fakeBaseUrls,
  startFakeAdPlatforms,
} from "@voronka/ads/fake";
import { credentialKey } from "@voronka/core";
import {
  createFunnel,
  type FunnelWithStages,
  listDestinations,
  moveContacts,
  saveAdAccount,
  saveDestination,
  setStageAudiences,
} from "@voronka/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { syncAudience } from "./sync.ts";

const sha = (v: string) => createHash("sha256").update(v).digest("hex");
const key = credentialKey({ VORONKA_SECRET: "k".repeat(40), VORONKA_DATA_DIR: "/nonexistent" });
const retry = { attempts: 3, baseDelayMs: 5, maxDelayMs: 100 };
const PLATFORMS = ["meta", "google", "vk", "yandex"] as const;
/** List ids on the fake platforms: stage 2's audience → 2000, stage 3's → 3000. */
const listId = (stage: number) => String(stage * 1000);

let database: TestDatabase;
let fake: FakeAdPlatforms;
let workspaceId: string;
let funnel: FunnelWithStages;
let contactId: string;
let a2: string;
let a3: string;

const stage = (i: number) => funnel.stages.filter((s) => s.kind === "open")[i]?.id ?? "";
const sync = (audienceId: string) =>
  syncAudience(database.db, workspaceId, audienceId, { key, retry });

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await startFakeAdPlatforms();
  workspaceId = (await createTenant(database.db, "Sync")).workspaceId;
  funnel = await createFunnel(database.db, workspaceId, {
    name: "Banquet",
    stages: ["First contact", "Offer sent", "Presentation booked", "Contract"],
  });
  const r = await database.db.execute<{ id: string }>(sql`
    insert into contacts (workspace_id, email, phone)
    values (${workspaceId}, ' Olga.Petrova@Example.com', '8 (916) 123-45-67') returning id`);
  contactId = r.rows[0]?.id ?? "";
  await database.db.transaction((tx) =>
    moveContacts(tx, workspaceId, [
      { funnelId: funnel.id, contactId, toStageId: stage(1), cause: "api" },
    ]),
  );
  const setting = await setStageAudiences(database.db, workspaceId, funnel.id, "Banquet", true);
  const byStage = new Map(setting.stages.map((s) => [s.stageId, s.audienceId ?? ""]));
  a2 = byStage.get(stage(1)) ?? "";
  a3 = byStage.get(stage(2)) ?? "";
  const urls = fakeBaseUrls(fake.url);
  const credentials = {
    meta: { accessToken: FAKE_TOKENS.meta },
    google: { accessToken: FAKE_TOKENS.google, developerToken: FAKE_GOOGLE_DEVELOPER_TOKEN },
    vk: { accessToken: FAKE_TOKENS.vk },
    yandex: { oauthToken: FAKE_TOKENS.yandex },
  };
  for (const p of PLATFORMS) {
    await saveAdAccount(
      database.db,
      workspaceId,
      p,
      {
        baseUrl: urls[p],
        accountId: p === "google" ? "1234567890" : null,
        credentials: credentials[p],
      },
      key,
    );
    await saveDestination(database.db, workspaceId, a2, p, listId(2));
    await saveDestination(database.db, workspaceId, a3, p, listId(3));
  }
});
afterAll(async () => {
  await fake?.close();
  await database?.drop();
});

describe("stage move → next sync", () => {
  it("the first sync sends stage 2's audience its member", async () => {
    const results = await sync(a2);
    expect(results.map((r) => `${r.platform}:${r.status}:${r.added}`).sort()).toEqual(
      PLATFORMS.map((p) => `${p}:ok:1`).sort(),
    );
    expect(fake.violations).toEqual([]);
    expect(fake.uploads.map((u) => `${u.platform}:${u.listId}:${u.op}`).sort()).toEqual(
      PLATFORMS.map((p) => `${p}:2000:add`).sort(),
    );
    fake.uploads.length = 0;
  });

  it("moving 2 → 3 sends each platform a remove for audience 2 and an add for audience 3", async () => {
    await database.db.transaction((tx) =>
      moveContacts(tx, workspaceId, [
        { funnelId: funnel.id, contactId, toStageId: stage(2), cause: "user" },
      ]),
    );
    await sync(a2);
    await sync(a3);
    expect(fake.violations).toEqual([]);
    const seen = fake.uploads.map((u) => `${u.platform}:${u.listId}:${u.op}`).sort();
    expect(seen).toEqual(PLATFORMS.flatMap((p) => [`${p}:2000:remove`, `${p}:3000:add`]).sort());
    // Hashing as each platform documents it, checked against an independent SHA-256.
    const email = sha("olga.petrova@example.com");
    const byPlatform = (p: string) => fake.uploads.filter((u) => u.platform === p);
    for (const u of byPlatform("meta")) {
      expect(u.emails).toEqual([email]);
      expect(u.phones).toEqual([sha("79161234567")]);
    }
    for (const u of byPlatform("google")) {
      expect(u.emails).toEqual([email]);
      expect(u.phones).toEqual([sha("+79161234567")]);
    }
    for (const u of byPlatform("yandex")) expect(u.phones).toEqual([sha("79161234567")]);
    for (const u of byPlatform("vk")) expect(u.emails).toEqual([email]);
    const status = await listDestinations(database.db, workspaceId, a3);
    expect(status.map((d) => [d.status, d.lastAdded, d.lastRemoved, d.progressDone])).toEqual(
      PLATFORMS.map(() => ["ok", 1, 0, 1]),
    );
  });

  it("a sync with nothing new sends nothing", async () => {
    fake.uploads.length = 0;
    const calls = fake.log.length;
    const results = [...(await sync(a2)), ...(await sync(a3))];
    expect(results.every((r) => r.status === "ok" && r.added + r.removed === 0)).toBe(true);
    expect(fake.uploads).toEqual([]);
    // Google opens no job when there is nothing to send; the others make no call either.
    expect(fake.log.length).toBe(calls);
  });

  it("there and back again before a sync is no change at all", async () => {
    for (const to of [1, 2]) {
      await database.db.transaction((tx) =>
        moveContacts(tx, workspaceId, [
          { funnelId: funnel.id, contactId, toStageId: stage(to), cause: "api" },
        ]),
      );
    }
    const results = [...(await sync(a2)), ...(await sync(a3))];
    expect(results.every((r) => r.added + r.removed === 0)).toBe(true);
    expect(fake.uploads).toEqual([]);
  });

  it("a platform that keeps failing records the error and keeps the cursor; the next sync resends", async () => {
    const broken = await startFakeAdPlatforms({ throttle: { meta: 99 } });
    await saveAdAccount(
      database.db,
      workspaceId,
      "meta",
      { baseUrl: fakeBaseUrls(broken.url).meta, accountId: null, credentials: {} },
      key,
    );
    await database.db.transaction((tx) =>
      moveContacts(tx, workspaceId, [
        { funnelId: funnel.id, contactId, toStageId: stage(3), cause: "api" },
      ]),
    );
    const failed = await sync(a3);
    expect(failed.find((r) => r.platform === "meta")).toMatchObject({ status: "failed" });
    const [meta] = (await listDestinations(database.db, workspaceId, a3)).filter(
      (d) => d.platform === "meta",
    );
    expect(meta?.status).toBe("failed");
    expect(meta?.lastError).toContain("80003");
    await broken.close();
    await saveAdAccount(
      database.db,
      workspaceId,
      "meta",
      { baseUrl: fakeBaseUrls(fake.url).meta, accountId: null, credentials: {} },
      key,
    );
    fake.uploads.length = 0;
    const again = await sync(a3);
    expect(again.find((r) => r.platform === "meta")).toMatchObject({ status: "ok", removed: 1 });
    expect(fake.uploads.filter((u) => u.platform === "meta").map((u) => u.op)).toEqual(["remove"]);
  });

  it("no platform call without a configured account", async () => {
    const other = (await createTenant(database.db, "Unconfigured")).workspaceId;
    const f = await createFunnel(database.db, other, { name: "F", stages: ["A", "B"] });
    const s = await setStageAudiences(database.db, other, f.id, "F", true);
    const aud = s.stages[0]?.audienceId ?? "";
    await saveDestination(database.db, other, aud, "meta", "42");
    const calls = fake.log.length;
    const results = await syncAudience(database.db, other, aud, { key, retry });
    expect(results).toEqual([
      { platform: "meta", status: "skipped", added: 0, removed: 0, reason: "no account" },
    ]);
    expect(fake.log.length).toBe(calls);
  });
});
