import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let tenant: TestTenant;
let funnel: {
  id: string;
  stages: Array<{ id: string; name: string; kind: string }>;
  lostReasons: Array<{ id: string }>;
};

const auth = () => bearer(tenant.secretKey);
const get = async (path: string) => {
  const res = await app.request(path, { headers: auth() });
  return { status: res.status, body: await res.json() };
};
const send = async (method: string, path: string, body: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { ...auth(), ...jsonHeaders },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

/** 30 contacts; groups of three share a last-seen time to the microsecond (tie on id). */
async function seed(): Promise<string[]> {
  const { rows } = await database.pool.query<{ id: string }>(
    `insert into contacts (workspace_id, email, phone, first_name, last_name, tags, source, consent, last_seen_at)
     select $1, 'person' || n || '@example.com', '+7999000' || lpad(n::text, 4, '0'), 'First' || n,
            case when n = 7 then 'Ivanova' else 'Last' || n end,
            case when n % 3 = 0 then array['vip'] else array['newsletter'] end,
            case when n % 2 = 0 then 'web_form' else 'telegram' end,
            case when n % 5 = 0 then '{"email":"subscribed"}'::jsonb else '{"email":"unsubscribed"}'::jsonb end,
            timestamptz '2026-11-01 10:00:00.123456+00' + ((n / 3) * interval '1 hour') + ((n / 3) * interval '1 microsecond')
     from generate_series(1, 30) n
     returning id`,
    [tenant.workspaceId],
  );
  await database.pool.query(
    `insert into contact_identities (workspace_id, kind, value, contact_id)
     select workspace_id, 'email', email, id from contacts where workspace_id = $1`,
    [tenant.workspaceId],
  );
  return rows.map((r) => r.id);
}

let ids: string[];
beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  tenant = await createTenant(database.db, "Contacts");
  ids = await seed();
  funnel = (
    await send("POST", "/api/funnels", {
      name: "Sales",
      stages: ["New", "Offer"],
      lostReasons: ["Too expensive"],
    })
  ).body;
});
afterAll(() => database.drop());

async function walk(query: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { data: Array<{ id: string }>; nextCursor: string | null } } = await get(
      `/api/contacts?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(page.body.data.length).toBeLessThanOrEqual(limit);
    seen.push(...page.body.data.map((c) => c.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return seen;
}

describe("GET /api/contacts", () => {
  it("pages through everyone once, newest first, across ties in last-seen time", async () => {
    const all = (await get("/api/contacts?limit=200")).body.data as Array<{
      id: string;
      lastSeenAt: string;
    }>;
    expect(all).toHaveLength(30);
    const times = all.map((c) => c.lastSeenAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const limit of [1, 4, 7, 30]) {
      const walked = await walk("", limit);
      expect(walked, `limit ${limit}`).toEqual(all.map((c) => c.id));
    }
    expect(await walk("&tag=vip", 3)).toHaveLength(10);
  });

  it("filters by search, tag, source, consent, last seen, stage and funnel", async () => {
    const count = async (query: string) =>
      (await get(`/api/contacts?limit=200&${query}`)).body.data.length;
    expect(await count("q=ivanova")).toBe(1);
    expect(await count("q=person1")).toBe(11); // 1, 10–19
    expect(await count(`q=${encodeURIComponent("+7 999 000-00-07")}`)).toBe(1);
    expect(await count("q=0007")).toBe(1);
    expect(await count("q=100%25")).toBe(0); // % is literal
    expect(await count("tag=vip")).toBe(10);
    expect(await count("source=web_form")).toBe(15);
    expect(await count("consent=email%3Dsubscribed")).toBe(6);
    expect(await count("tag=vip&source=web_form")).toBe(5);
    expect(await count("lastSeenAfter=2026-11-01T15:00:00Z")).toBe(16); // n / 3 >= 5: n = 15…30
    expect(await count("lastSeenBefore=2026-11-01T11:00:00Z")).toBe(2);

    const [offer] = funnel.stages.filter((s) => s.name === "Offer");
    for (const contactId of ids.slice(0, 3)) {
      await send("POST", `/api/funnels/${funnel.id}/moves`, { contactId, stageId: offer?.id });
    }
    expect(await count(`stage=${offer?.id}`)).toBe(3);
    // The board shows time in stage from the list filtered by stage.
    const inOffer = (await get(`/api/contacts?stage=${offer?.id}`)).body.data;
    for (const row of inOffer) {
      expect(Date.now() - Date.parse(row.stageEnteredAt)).toBeLessThan(60_000);
    }
    expect((await get("/api/contacts?limit=1")).body.data[0]).not.toHaveProperty("stageEnteredAt");
    expect(await count(`funnel=${funnel.id}`)).toBe(3);
    expect(await count(`stage=${funnel.stages[0]?.id}`)).toBe(0);
  });

  it("leaves merged contacts out and refuses a forged cursor", async () => {
    const [loser, survivor] = [ids[28]!, ids[29]!];
    await database.pool.query(
      "update contacts set merged_into = $2 where workspace_id = $3 and id = $1",
      [loser, survivor, tenant.workspaceId],
    );
    const list = (await get("/api/contacts?limit=200")).body.data.map((c: { id: string }) => c.id);
    expect(list).not.toContain(loser);
    expect(list).toHaveLength(29);
    const bad = await get("/api/contacts?cursor=bm9wZQ");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("cursor");
    expect((await get("/api/contacts?limit=500")).status).toBe(400);
    expect((await get("/api/contacts?consent=email")).status).toBe(400);

    // The tombstone's id answers with the survivor's card.
    const card = await get(`/api/contacts/${loser}`);
    expect(card.status).toBe(200);
    expect(card.body.id).toBe(survivor);
  });
});

describe("the contact card", () => {
  it("shows identities, stages and a timeline of events, moves and leads, newest first", async () => {
    const id = ids[0]!;
    const ws = tenant.workspaceId;
    await database.pool.query(
      `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
       values ($1, 'm1', 'track', 'Viewed Hall', $2, '{"hall":"A"}', '2026-11-02T10:00:00Z'),
              ($1, 'm2', 'track', 'Booked Visit', $2, '{}', '2026-11-02T12:00:00Z'),
              ($1, 'm3', 'page', null, $2, '{}', '2026-11-02T12:00:00Z')`,
      [ws, id],
    );
    await database.pool.query(
      `insert into leads (workspace_id, channel, dedupe_key, contact_id, utm, created_at)
       values ($1, 'web_form', 'k1', $2, '{"source":"google"}', '2026-11-02T12:00:00Z')`,
      [ws, id],
    );
    const lost = funnel.stages.find((s) => s.kind === "lost")!;
    const moved = await send("POST", `/api/funnels/${funnel.id}/moves`, {
      contactId: id,
      stageId: lost.id,
      lostReasonId: funnel.lostReasons[0]!.id,
      lostNote: "Chose a cheaper hall",
    });
    expect(moved.status).toBe(200);

    const card = await get(`/api/contacts/${id}`);
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({
      id,
      email: "person1@example.com",
      consent: { email: "unsubscribed" },
      identities: [{ kind: "email", value: "person1@example.com" }],
      stages: [
        {
          funnelId: funnel.id,
          stageName: "Lost",
          stageKind: "lost",
          lostReason: "Too expensive",
          lostNote: "Chose a cheaper hall",
        },
      ],
    });
    const kinds = card.body.timeline.data.map(
      (e: { kind: string; name?: string }) => `${e.kind}:${e.name ?? ""}`,
    );
    expect(kinds).toEqual([
      "stage_move:",
      "stage_move:",
      "lead:",
      "event:",
      "event:Booked Visit",
      "event:Viewed Hall",
    ]);
    expect(card.body.timeline.data[0]).toMatchObject({
      fromStage: "Offer",
      toStage: "Lost",
      lostReason: "Too expensive",
    });
    expect(card.body.timeline.data[2]).toMatchObject({
      channel: "web_form",
      utm: { source: "google" },
    });

    // Page by two: the same entries, in the same order, none twice.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: { data: Array<{ kind: string; id: string }>; nextCursor: string | null };
      } = await get(`/api/contacts/${id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      paged.push(...page.body.data.map((e) => `${e.kind}:${e.id}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(
      card.body.timeline.data.map((e: { kind: string; id: string }) => `${e.kind}:${e.id}`),
    );
    expect((await get(`/api/contacts/${id}/timeline?cursor=xyz`)).status).toBe(400);
    expect((await get("/api/contacts/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("PATCH and POST /api/contacts", () => {
  it("edits fields, tags, consent and traits", async () => {
    const id = ids[1]!;
    await send("PATCH", `/api/contacts/${id}`, { traits: { plan: "gold", old: 1 } });
    const res = await send("PATCH", `/api/contacts/${id}`, {
      firstName: "Maria",
      city: null,
      birthday: "1990-02-28",
      timeZone: "Europe/Moscow",
      tags: ["a", "b", "a"],
      consent: { sms: "subscribed" },
      traits: { old: null, size: "L" },
      email: "Maria@Example.com",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      firstName: "Maria",
      city: null,
      birthday: "1990-02-28",
      timeZone: "Europe/Moscow",
      tags: ["a", "b"],
      consent: { email: "unsubscribed", sms: "subscribed" },
      traits: { plan: "gold", size: "L" },
      email: "maria@example.com",
    });
    expect(res.body.identities.map((i: { value: string }) => i.value)).toContain(
      "maria@example.com",
    );
  });

  it("bad input: 400 with the envelope and nothing written", async () => {
    const id = ids[2]!;
    const before = (await database.pool.query("select * from contacts where id = $1", [id]))
      .rows[0];
    const bad: unknown[] = [
      { email: "not-an-email" },
      { birthday: "1990-02-30" },
      { timeZone: "Mars/Olympus" },
      { tags: "vip" },
      { consent: { email: "maybe" } },
      { firstName: "x".repeat(201) },
      { phone: "12" },
      { firstName: "Ok", nickname: "unknown field" },
    ];
    for (const body of bad) {
      const res = await send("PATCH", `/api/contacts/${id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    const after = (await database.pool.query("select * from contacts where id = $1", [id])).rows[0];
    expect(after).toEqual(before);
    const taken = await send("PATCH", `/api/contacts/${id}`, { email: "person4@example.com" });
    expect(taken.status).toBe(409);
    expect(
      (await database.pool.query("select * from contacts where id = $1", [id])).rows[0],
    ).toEqual(before);
  });

  it("POST creates once, then finds the same contact by any identifier", async () => {
    const created = await send("POST", "/api/contacts", {
      email: "new@example.com",
      firstName: "New",
      tags: ["x"],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "new@example.com", source: "api", tags: ["x"] });
    const again = await send("POST", "/api/contacts", {
      email: "NEW@example.com",
      phone: "+44 20 7946 0000",
      lastName: "Person",
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: created.body.id,
      phone: "+442079460000",
      lastName: "Person",
      firstName: "New",
    });
    const byPhone = await send("POST", "/api/contacts", { phone: "+442079460000" });
    expect(byPhone.body.id).toBe(created.body.id);
    const none = await send("POST", "/api/contacts", { firstName: "Nobody" });
    expect(none.status).toBe(400);
  });
});
