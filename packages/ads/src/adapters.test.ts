import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  FAKE_GOOGLE_DEVELOPER_TOKEN,
  FAKE_TOKENS,
  type FakeAdPlatforms,
  type FakePlatform,
  fakeBaseUrls,
  startFakeAdPlatforms,
} from "./fake/fake-platforms.ts";
import { type AdAccountConfig, openSession } from "./index.ts";

const sha = (v: string) => createHash("sha256").update(v).digest("hex");
const fast = { attempts: 4, baseDelayMs: 5, maxDelayMs: 2000 };

let fake: FakeAdPlatforms | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function account(platform: FakePlatform, url: string): AdAccountConfig {
  const baseUrl = fakeBaseUrls(url)[platform];
  switch (platform) {
    case "meta":
      return { baseUrl, accountId: "act_1", credentials: { accessToken: FAKE_TOKENS.meta } };
    case "google":
      return {
        baseUrl,
        accountId: "123-456-7890",
        credentials: {
          accessToken: FAKE_TOKENS.google,
          developerToken: FAKE_GOOGLE_DEVELOPER_TOKEN,
        },
      };
    case "vk":
      return { baseUrl, accountId: null, credentials: { accessToken: FAKE_TOKENS.vk } };
    case "yandex":
      return { baseUrl, accountId: null, credentials: { oauthToken: FAKE_TOKENS.yandex } };
  }
}

const people = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    email: ` Person.${i + from}@Example.com`,
    phone: `+7 999 ${String(1_000_000 + i + from).slice(-7)}`,
  }));

describe("Meta Custom Audiences", () => {
  it("adds with POST and removes with DELETE /{audience_id}/users, ≤ 10,000 per call, hashed", async () => {
    fake = await startFakeAdPlatforms();
    const session = openSession("meta", account("meta", fake.url), "23847562", { retry: fast });
    await session.send("add", people(12_345));
    await session.send("remove", [{ email: "GONE@example.com", phone: null }]);
    const stats = await session.finish();
    expect(fake.violations).toEqual([]);
    const adds = fake.uploads.filter((u) => u.op === "add");
    expect(adds.map((u) => u.emails.length)).toEqual([10_000, 2_345]);
    expect(adds[0]?.emails[0]).toBe(sha("person.0@example.com"));
    expect(adds[0]?.phones[0]).toBe(sha("79991000000"));
    expect(fake.uploads.at(-1)).toMatchObject({
      op: "remove",
      listId: "23847562",
      emails: [sha("gone@example.com")],
      phones: [],
    });
    expect(stats).toMatchObject({ sent: 12_346, skipped: 0, requests: 3 });
  });

  it("retries a rate-limit answer (#80003) and gives up on a bad token", async () => {
    fake = await startFakeAdPlatforms({ throttle: { meta: 2 } });
    const session = openSession("meta", account("meta", fake.url), "1", { retry: fast });
    await session.send("add", people(3));
    expect(fake.log.map((l) => l.status)).toEqual([400, 400, 200]);
    expect(fake.uploads).toHaveLength(1);
    const wrong = account("meta", fake.url);
    wrong.credentials.accessToken = "stolen";
    await expect(
      openSession("meta", wrong, "1", { retry: fast }).send("add", people(1)),
    ).rejects.toMatchObject({ retryable: false });
  });
});

describe("Google Ads Customer Match", () => {
  it("creates a job per direction, adds operations, runs it; honours Retry-After on 429", async () => {
    fake = await startFakeAdPlatforms({ throttle: { google: 1 }, retryAfter: 1 });
    const session = openSession("google", account("google", fake.url), "555", { retry: fast });
    const started = Date.now();
    await session.send("add", [{ email: "Jane.Doe@gmail.com", phone: "8 999 123 45 67" }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await session.send("add", people(10_001));
    await session.send("remove", [{ email: null, phone: "+1 650 555 1212" }]);
    await session.finish();
    expect(fake.violations).toEqual([]);
    expect(fake.log[0]?.status).toBe(429);
    const jobs = [...fake.googleJobs.values()];
    expect(jobs).toHaveLength(2);
    expect(jobs.every((j) => j.ran && j.userList === "customers/1234567890/userLists/555")).toBe(
      true,
    );
    expect(jobs.map((j) => j.ops).sort()).toEqual([1, 10_002]);
    const first = fake.uploads[0];
    expect(first?.emails).toEqual([sha("janedoe@gmail.com")]);
    expect(first?.phones).toEqual([sha("+79991234567")]);
    expect(fake.uploads.at(-1)).toMatchObject({ op: "remove", phones: [sha("+16505551212")] });
    const paths = fake.log.filter((l) => l.status === 200).map((l) => l.path.split(":").pop());
    expect(paths.at(-1)).toBe("run");
  });
});

describe("VK Ads users lists", () => {
  it("uploads hashed lines to append/remove, retrying a 429", async () => {
    fake = await startFakeAdPlatforms({ throttle: { vk: 1 } });
    const session = openSession("vk", account("vk", fake.url), "777", { retry: fast });
    await session.send("add", people(5));
    await session.send("remove", [
      { email: "x@example.com", phone: null },
      { email: null, phone: "+79990000000" },
    ]);
    const stats = await session.finish();
    expect(fake.violations).toEqual([]);
    expect(fake.log.map((l) => l.status)).toEqual([429, 200, 200]);
    expect(fake.uploads[0]).toMatchObject({ listId: "777", op: "add" });
    expect(fake.uploads[0]?.emails).toContain(sha("person.4@example.com"));
    expect(fake.uploads[1]).toMatchObject({ op: "remove", emails: [sha("x@example.com")] });
    expect(stats).toMatchObject({ sent: 6, skipped: 1 });
  });
});

describe("Yandex Audience segments", () => {
  it("modify_data addition/subtraction with a hashed email,phone CSV, retrying quota errors", async () => {
    fake = await startFakeAdPlatforms({ throttle: { yandex: 2 } });
    const session = openSession("yandex", account("yandex", fake.url), "111", { retry: fast });
    await session.send("add", people(3));
    await session.send("remove", [{ email: null, phone: "8 (999) 555-00-11" }]);
    await session.finish();
    expect(fake.violations).toEqual([]);
    expect(fake.log.map((l) => l.status)).toEqual([429, 429, 200, 200]);
    expect(fake.uploads[0]).toMatchObject({ listId: "111", op: "add" });
    expect(fake.uploads[0]?.phones).toEqual(people(3).map((p) => sha(p.phone.replace(/\D/g, ""))));
    expect(fake.uploads[1]).toMatchObject({ op: "remove", phones: [sha("79995550011")] });
  });

  it("gives up after the retry budget with a retryable error", async () => {
    fake = await startFakeAdPlatforms({ throttle: { yandex: 99 } });
    const session = openSession("yandex", account("yandex", fake.url), "111", { retry: fast });
    await expect(session.send("add", people(1))).rejects.toMatchObject({
      code: "unavailable",
      retryable: true,
    });
    expect(fake.log).toHaveLength(4);
  });
});
