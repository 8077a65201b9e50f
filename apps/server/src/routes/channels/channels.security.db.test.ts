import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";
import { seedTask } from "./test-support.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let rival: TestTenant;
let taskId: string;

beforeAll(async () => {
  process.env.VORONKA_SECRET ??= "api-test-secret-api-test-secret-0123456789";
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  rival = await createTenant(database.db, "Rival");
  await as(acme.secretKey, "PATCH", "/api/channels/settings", {
    telegramToken: "111:acme-secret-telegram-token",
    viberSenderName: "Acme bot",
    allowPrivateNetworks: true,
  });
  ({ taskId } = await seedTask(database.db, acme.workspaceId, "Acme secret task"));
});
afterAll(() => database.drop());

function as(key: string, method: string, path: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: { ...bearer(key), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("channels and tasks across workspaces", () => {
  it("another workspace's key sees none of the settings and none of the tasks", async () => {
    const settings = await (await as(rival.secretKey, "GET", "/api/channels/settings")).json();
    expect(settings.telegram.configured).toBe(false);
    expect(settings.viber.senderName).toBeNull();
    expect(settings.webhooks.allowPrivateNetworks).toBe(false);
    expect((await (await as(rival.secretKey, "GET", "/api/tasks")).json()).data).toEqual([]);
    expect((await as(rival.secretKey, "GET", `/api/tasks/${taskId}`)).status).toBe(404);
    expect((await as(rival.secretKey, "POST", `/api/tasks/${taskId}/complete`)).status).toBe(404);
    // Acme's task is untouched.
    const mine = await (await as(acme.secretKey, "GET", `/api/tasks/${taskId}`)).json();
    expect(mine.status).toBe("open");
  });

  it("a rival's changes stay in the rival's workspace", async () => {
    await as(rival.secretKey, "PATCH", "/api/channels/settings", {
      allowPrivateNetworks: true,
      telegramToken: null,
    });
    const acmeSettings = await (await as(acme.secretKey, "GET", "/api/channels/settings")).json();
    expect(acmeSettings.telegram.configured).toBe(true);
  });

  it("needs a key: no credentials → 401, a write key → 403", async () => {
    expect((await app.request("/api/channels/settings")).status).toBe(401);
    expect((await app.request("/api/tasks")).status).toBe(401);
    expect((await as(acme.writeKey, "GET", "/api/tasks")).status).toBe(403);
    expect((await as(acme.writeKey, "GET", "/api/channels/settings")).status).toBe(403);
  });
});
