import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";
import { seedTask } from "./test-support.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;

const TG_TOKEN = "987654:AAF-telegram-token-abcdWXYZ";

beforeAll(async () => {
  process.env.VORONKA_SECRET ??= "api-test-secret-api-test-secret-0123456789";
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
});
afterAll(() => database.drop());

const as = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("channel settings API", () => {
  it("starts unconfigured, with private networks off", async () => {
    const res = await as("GET", "/api/channels/settings");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.telegram).toEqual({
      configured: false,
      token: { set: false, hint: null },
      baseUrl: null,
    });
    expect(body.webhooks).toEqual({
      signingSecret: { set: false, hint: null },
      allowPrivateNetworks: false,
    });
  });

  it("saves credentials encrypted and never returns a token in full", async () => {
    const res = await as("PATCH", "/api/channels/settings", {
      telegramToken: TG_TOKEN,
      smsAccountSid: "AC123",
      smsAuthToken: "sms-secret-token-9876",
      smsFrom: "+15005550006",
      smsBaseUrl: "http://127.0.0.1:9999",
      allowPrivateNetworks: true,
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(TG_TOKEN);
    expect(text).not.toContain("sms-secret-token-9876");
    const body = JSON.parse(text);
    expect(body.telegram).toMatchObject({ configured: true, token: { set: true, hint: "…WXYZ" } });
    expect(body.sms).toMatchObject({
      configured: true,
      accountSid: "AC123",
      from: "+15005550006",
      authToken: { hint: "…9876" },
    });
    expect(body.webhooks.allowPrivateNetworks).toBe(true);
    const row = await database.db.execute<{ telegram_token_enc: string }>(sql`
      select telegram_token_enc from channel_settings where workspace_id = ${acme.workspaceId}`);
    expect(row.rows[0]?.telegram_token_enc).toMatch(/^v1\./);
    expect(JSON.stringify(row.rows)).not.toContain(TG_TOKEN);

    const cleared = await (
      await as("PATCH", "/api/channels/settings", { telegramToken: null })
    ).json();
    expect(cleared.telegram.configured).toBe(false);
  });

  it("refuses bad input with a clear 400 and writes nothing", async () => {
    for (const body of [
      { telegramBaseUrl: "ftp://example.com" },
      { smsFrom: "not a phone number at all" },
      { whatsappPhoneNumberId: "abc" },
      { unknownField: 1 },
    ]) {
      const res = await as("PATCH", "/api/channels/settings", body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("validation_failed");
    }
    const body = await (await as("GET", "/api/channels/settings")).json();
    expect(body.telegram.baseUrl).toBeNull();
  });

  it("creates a webhook signing secret, shown once", async () => {
    const res = await as("POST", "/api/channels/webhook-secret");
    expect(res.status).toBe(201);
    const { secret } = await res.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    const body = await (await as("GET", "/api/channels/settings")).json();
    expect(body.webhooks.signingSecret).toEqual({ set: true, hint: `…${secret.slice(-4)}` });
  });
});

describe("tasks API", () => {
  it("lists tasks and completes one", async () => {
    const { taskId, contactId } = await seedTask(
      database.db,
      acme.workspaceId,
      "Call about the banquet",
    );
    const list = await (await as("GET", "/api/tasks?status=open")).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      id: taskId,
      message: "Call about the banquet",
      status: "open",
      contact: { id: contactId, name: "Ann Lee" },
      dueAt: "2026-11-26T10:00:00.000Z",
    });
    const done = await as("POST", `/api/tasks/${taskId}/complete`);
    expect(done.status).toBe(200);
    expect((await done.json()).status).toBe("done");
    expect((await (await as("GET", "/api/tasks?status=open")).json()).data).toEqual([]);
    expect((await (await as("GET", `/api/tasks/${taskId}`)).json()).completedAt).not.toBeNull();
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    expect((await as("POST", "/api/tasks/not-a-uuid/complete")).status).toBe(400);
    expect((await as("GET", "/api/tasks/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await as("GET", "/api/tasks?status=maybe")).status).toBe(400);
  });
});
