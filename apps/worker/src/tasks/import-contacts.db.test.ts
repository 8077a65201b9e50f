import { createLogger } from "@voronka/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { until } from "../../../../test/support/until.ts";
import { type RunningWorker, startWorker } from "../runner.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let tenant: TestTenant;
let worker: RunningWorker;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  tenant = await createTenant(database.db, "Importers");
  worker = await startWorker({ database, log: createLogger("silent"), pollInterval: 100 });
});
afterAll(async () => {
  await worker?.stop();
  await database.drop();
});

const auth = () => bearer(tenant.secretKey);

function upload(csv: string, mapping: Record<string, string>, extra = "") {
  const query = `mapping=${encodeURIComponent(JSON.stringify(mapping))}&fileName=people.csv${extra}`;
  return app.request(`/api/contacts/imports?${query}`, {
    method: "POST",
    headers: { ...auth(), "content-type": "text/csv" },
    body: csv,
  });
}

async function finished(id: string) {
  return until(async () => {
    const res = await app.request(`/api/contacts/imports/${id}`, { headers: auth() });
    const body = await res.json();
    return body.status === "done" || body.status === "failed" ? body : undefined;
  }, 20_000);
}

describe("CSV import through the API and the real worker", () => {
  it("inserts, updates existing contacts, collapses duplicates and reports rejected rows", async () => {
    // An existing contact, matched by phone (formatted differently in the file).
    const existing = await app.request("/api/contacts", {
      method: "POST",
      headers: { ...auth(), ...jsonHeaders },
      body: JSON.stringify({ phone: "+7 999 111-22-33", firstName: "Old", tags: ["vip"] }),
    });
    expect(existing.status).toBe(201);
    const existingId = (await existing.json()).id;

    const funnel = await app.request("/api/funnels", {
      method: "POST",
      headers: { ...auth(), ...jsonHeaders },
      body: JSON.stringify({ name: "Banquets", stages: ["First contact", "Offer sent"] }),
    });
    const { id: funnelId, stages } = await funnel.json();
    const stageId = stages[0].id;

    const csv = [
      "\uFEFFE-mail;Телефон;Имя;Фамилия;Birthday;Tags;Plan;Ignored",
      "anna@example.com;;Anna;Ivanova;1990-05-17;wedding;gold;x", // row 2: new
      ';+79991112233;Oleg;;17.05.1985;"a, b";silver;x', // row 3: updates the existing one
      "ANNA@example.com;+7 (900) 000-00-01;;;;late;;x", // row 4: row 2 again
      "not-an-email;;Bad;;;;;x", // row 5: invalid email
      ";;Nobody;;;;;x", // row 6: no identifier
      "boris@example.com;;Boris;;31.02.1990;;;x", // row 7: no such date
      '"quoted;semi@example.com";;"Say ""hi""";;;;;x', // row 8: new, quoted cells
      ";12;Eve;;;;;x", // row 9: invalid phone
      "'=dora@example.com;;Dora;;;;;", // row 10: new; the formula guard of an export is stripped
    ].join("\r\n");
    const mapping = {
      "E-mail": "email",
      Телефон: "phone",
      Имя: "firstName",
      Фамилия: "lastName",
      Birthday: "birthday",
      Tags: "tags",
      Plan: "traits.plan",
    };
    const res = await upload(csv, mapping, `&funnelId=${funnelId}&stageId=${stageId}`);
    expect(res.status).toBe(202);
    const queued = await res.json();
    expect(queued.status).toBe("pending");

    const done = await finished(queued.id);
    expect(done).toMatchObject({
      status: "done",
      totalRows: 9,
      processedRows: 9,
      inserted: 3,
      updated: 1,
      duplicates: 1,
      rejected: 4,
      error: null,
    });
    expect(done.report).toEqual([
      { row: 5, reason: 'invalid email "not-an-email"' },
      { row: 6, reason: "no email, phone or userId" },
      { row: 7, reason: 'bad date "31.02.1990" (use YYYY-MM-DD or DD.MM.YYYY)' },
      { row: 9, reason: 'invalid phone "12"' },
    ]);

    const list = await (await app.request("/api/contacts?limit=200", { headers: auth() })).json();
    expect(list.data).toHaveLength(4);
    const anna = list.data.find((c: { email: string }) => c.email === "anna@example.com");
    const annaCard = await (
      await app.request(`/api/contacts/${anna.id}`, { headers: auth() })
    ).json();
    expect(annaCard).toMatchObject({
      firstName: "Anna",
      lastName: "Ivanova",
      phone: "+79000000001",
      birthday: "1990-05-17",
      source: "import",
      traits: { plan: "gold" },
    });
    expect(annaCard.tags.sort()).toEqual(["late", "wedding"]);
    expect(annaCard.stages).toMatchObject([{ funnelId, stageId, stageName: "First contact" }]);
    expect(annaCard.timeline.data[0]).toMatchObject({
      kind: "stage_move",
      cause: "import",
      toStage: "First contact",
    });

    const oleg = await (
      await app.request(`/api/contacts/${existingId}`, { headers: auth() })
    ).json();
    expect(oleg).toMatchObject({
      firstName: "Oleg",
      birthday: "1985-05-17",
      source: "api",
      traits: { plan: "silver" },
    });
    expect(oleg.tags.sort()).toEqual(["a", "b", "vip"]);
    const quoted = list.data.find((c: { email: string }) => c.email === "quoted;semi@example.com");
    expect(quoted.firstName).toBe('Say "hi"');
    expect(list.data.map((c: { email: string }) => c.email)).toContain("=dora@example.com");

    // The same file again: everyone is known now.
    const again = await finished((await (await upload(csv, mapping)).json()).id);
    expect(again).toMatchObject({ inserted: 0, updated: 4, duplicates: 1, rejected: 4 });
    const after = await (await app.request("/api/contacts?limit=200", { headers: auth() })).json();
    expect(after.data).toHaveLength(4);

    const imports = await (await app.request("/api/contacts/imports", { headers: auth() })).json();
    expect(imports.data.map((i: { id: string }) => i.id)).toEqual([again.id, queued.id]);
  });

  it("refuses what it cannot import, writing nothing", async () => {
    const count = async () =>
      (await database.pool.query("select count(*)::int as n from contact_imports")).rows[0].n;
    const before = await count();
    const cases: Array<[Response, number]> = [
      [await upload("email\na@b.co", { email: "nope" }), 400],
      [await upload("email\na@b.co", { Name: "firstName" }), 400],
      [await upload("email\na@b.co", { "E-mail": "email" }), 400],
      [await upload("", { email: "email" }), 400],
      [
        await app.request(
          `/api/contacts/imports?mapping=${encodeURIComponent('{"email":"email"}')}`,
          {
            method: "POST",
            headers: { ...auth(), ...jsonHeaders },
            body: JSON.stringify({ email: "a@b.co" }),
          },
        ),
        400,
      ],
    ];
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toMatch(/validation_failed|bad_request/);
    }
    const missing = await (await upload("email\na@b.co", { "E-mail": "email" })).json();
    expect(missing.error.details).toEqual([
      { path: "mapping.E-mail", message: 'No column "E-mail" in the header.' },
    ]);
    expect(await count()).toBe(before);
  });

  it("a file over 50 MB is refused with 413", async () => {
    const big = `email\n${"x".repeat(50 * 1024 * 1024)}`;
    const res = await upload(big, { email: "email" });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });
});
