import { storeEvents } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;

const MJML = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hello {{ contact.firstName }}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

beforeAll(async () => {
  process.env.VORONKA_SECRET ??= "api-test-secret-api-test-secret-0123456789";
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
});
afterAll(() => database.drop());

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...bearer(acme.secretKey), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function contactNamed(firstName: string, userId: string): Promise<string> {
  const { stored } = await storeEvents(database.db, acme.workspaceId, [
    {
      messageId: `identify-${userId}`,
      type: "identify",
      name: null,
      userId,
      anonymousId: null,
      identities: [{ kind: "user_id", value: userId }],
      patch: { firstName, email: `${userId}@example.com` },
      properties: {},
      context: {},
      timestamp: new Date(),
    },
  ]);
  const id = stored[0]?.contactId;
  if (!id) throw new Error("no contact");
  return id;
}

describe("email templates API", () => {
  it("creates, versions, previews for a contact (escaped), lists and deletes", async () => {
    const created = await call("POST", "/api/email/templates", {
      name: "Welcome",
      subject: "Hi {{ contact.firstName }}",
      mjml: MJML,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Welcome", version: 1, preheader: "" });
    const id = created.body.id;

    const saved = await call("PATCH", `/api/email/templates/${id}`, {
      subject: "Hello {{ contact.firstName }}",
    });
    expect(saved.body).toMatchObject({ version: 2, subject: "Hello {{ contact.firstName }}" });
    const renamed = await call("PATCH", `/api/email/templates/${id}`, { name: "Welcome 2" });
    expect(renamed.body).toMatchObject({ version: 2, name: "Welcome 2" });

    const contactId = await contactNamed("<script>x()</script>", "api-u1");
    const preview = await call("POST", `/api/email/templates/${id}/preview`, { contactId });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe("Hello <script>x()</script>");
    expect(preview.body.html).toContain("Hello &lt;script&gt;x()&lt;/script&gt;");
    expect(preview.body.html).not.toContain("<script>x()");
    expect(preview.body.text).toContain("Hello <script>x()</script>");

    const list = await call("GET", "/api/email/templates");
    expect(list.body.data).toEqual([expect.objectContaining({ id, version: 2 })]);
    expect((await call("DELETE", `/api/email/templates/${id}`)).status).toBe(204);
    expect((await call("GET", `/api/email/templates/${id}`)).status).toBe(404);
  });

  it("refuses MJML and Liquid errors with the line, and writes nothing", async () => {
    const bad = await call("POST", "/api/email/templates", {
      name: "Broken",
      subject: "Hi {{ contact.firstName ",
      mjml: "<mjml>\n<mj-body>\n<mj-section><mj-column><mj-bogus/></mj-column></mj-section>\n</mj-body>\n</mjml>",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain("subject");
    expect(bad.body.error.details).toContainEqual(
      expect.objectContaining({ path: "mjml", message: expect.stringMatching(/^line 3:/) }),
    );
    const missing = await call("POST", "/api/email/templates", { name: "" });
    expect(missing.status).toBe(400);
    expect((await call("GET", "/api/email/templates")).body.data).toEqual([]);
  });

  it("test send with nothing configured lands in the dev mailbox", async () => {
    const t = await call("POST", "/api/email/templates", {
      name: "T",
      subject: "S {{ contact.firstName }}",
      mjml: MJML,
    });
    const sent = await call("POST", `/api/email/templates/${t.body.id}/test-send`, {
      to: "qa@example.com",
    });
    expect(sent.status).toBe(200);
    expect(sent.body.via).toBe("mailbox");
    const box = await call("GET", "/api/email/mailbox");
    expect(box.body.data[0]).toMatchObject({
      to: "qa@example.com",
      subject: "[Test] S Jane",
      messageId: sent.body.messageId,
    });
    expect(box.body.data[0].html).toContain("Hello Jane");
  });

  it("generates a DKIM key and shows the DNS record, never the private key", async () => {
    const r = await call("POST", "/api/email/dkim", { domain: "Acme.Example", selector: "vk2026" });
    expect(r.status).toBe(201);
    expect(r.body.dkim.dnsRecord).toMatchObject({
      name: "vk2026._domainkey.acme.example",
      type: "TXT",
    });
    expect(r.body.dkim.dnsRecord.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    expect(JSON.stringify(r.body)).not.toContain("PRIVATE KEY");
    const again = await call("GET", "/api/email/settings");
    expect(again.body.dkim.dnsRecord.value).toBe(r.body.dkim.dnsRecord.value);
    expect((await call("POST", "/api/email/dkim", { domain: "not a domain" })).status).toBe(400);
  });
});
