import { storeEvents } from "@voronka/db";
import { signClaim } from "@voronka/email";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/test-db.ts";

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let acme: TestTenant;
let rival: TestTenant;
const SECRET = "api-test-secret-api-test-secret-0123456789";

beforeAll(async () => {
  process.env.VORONKA_SECRET ??= SECRET;
  database = await createTestDatabase();
  app = createTestApp(database);
  acme = await createTenant(database.db, "Acme");
  rival = await createTenant(database.db, "Rival");
});
afterAll(() => database.drop());

async function call(key: string, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...bearer(key), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const FOOTER =
  '<mj-section><mj-column><mj-text>Acme footer <a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text></mj-column></mj-section>';

describe("email partials, starters and topics API", () => {
  it("saves partials as versions, includes them in previews, and reports errors with lines", async () => {
    const v1 = await call(acme.secretKey, "PUT", "/api/email/partials/footer", { mjml: FOOTER });
    expect(v1).toMatchObject({ status: 200, body: { name: "footer", version: 1 } });
    const same = await call(acme.secretKey, "PUT", "/api/email/partials/footer", { mjml: FOOTER });
    expect(same.body.version).toBe(1);
    const bad = await call(acme.secretKey, "PUT", "/api/email/partials/broken", {
      mjml: "<mj-section>\n<mj-column>\n<mj-text>{{ contact.firstName </mj-text>\n</mj-column></mj-section>",
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toMatch(/line \d/);

    const created = await call(acme.secretKey, "POST", "/api/email/templates", {
      name: "News",
      slug: "news",
      subject: "News",
      mjml: '<mjml><mj-body>\n<mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section>\n<mj-include path="footer" />\n</mj-body></mjml>',
    });
    expect(created).toMatchObject({ status: 201, body: { slug: "news", version: 1 } });
    const preview = await call(
      acme.secretKey,
      "POST",
      `/api/email/templates/${created.body.id}/preview`,
      { contactId: await contact("Pat", "pat") },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.html).toContain("Acme footer");

    // An include of a partial that does not exist: refused, on its line.
    const unknown = await call(acme.secretKey, "POST", "/api/email/templates", {
      name: "Broken",
      subject: "x",
      mjml: '<mjml><mj-body>\n<mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section>\n<mj-include path="header" />\n</mj-body></mjml>',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toContainEqual({
      path: "mjml",
      message: "line 3: There is no partial named “header”.",
    });
    // A slug is unique in the workspace.
    const dup = await call(acme.secretKey, "POST", "/api/email/templates", {
      name: "Other",
      slug: "news",
      subject: "x",
      mjml: "<mjml><mj-body><mj-section><mj-column><mj-text>x</mj-text></mj-column></mj-section></mj-body></mjml>",
    });
    expect(dup.status).toBe(409);
  });

  it("lists the starters and creates a template from one", async () => {
    const list = await call(acme.secretKey, "GET", "/api/email/starters");
    expect(list.body.data.map((s: { id: string }) => s.id)).toContain("abandoned-cart");
    const made = await call(acme.secretKey, "POST", "/api/email/templates/from-starter", {
      starter: "abandoned-cart",
      slug: "cart-reminder",
    });
    expect(made).toMatchObject({
      status: 201,
      body: { name: "Abandoned cart", slug: "cart-reminder", version: 1 },
    });
    expect(made.body.mjml).toContain("Return to my cart");
    const nope = await call(acme.secretKey, "POST", "/api/email/templates/from-starter", {
      starter: "nope",
    });
    expect(nope.status).toBe(400);
  });

  it("the preference page lists topics; unticking one opts out of it and records the event", async () => {
    const offers = await call(acme.secretKey, "POST", "/api/email/topics", {
      name: "Offers and discounts",
      description: "A few times a month",
    });
    const news = await call(acme.secretKey, "POST", "/api/email/topics", { name: "News" });
    expect(offers.status).toBe(201);
    const contactId = await contact("Kim", "kim");
    const token = signClaim(process.env.VORONKA_SECRET ?? SECRET, {
      a: "u",
      w: acme.workspaceId,
      c: contactId,
      k: "effect-1",
    });
    const page = await app.request(`/e/u/${token}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Email preferences");
    expect(html).toContain("Offers and discounts");
    expect(html).toContain(`value="${news.body.id}" checked`);
    expect(html).toContain("Unsubscribe from all emails");

    const saved = await app.request(`/e/u/${token}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `action=topics&topic=${news.body.id}`,
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Your choices are saved");
    const optouts = await database.db.execute<{ topic_id: string }>(sql`
      select topic_id from email_topic_optouts where workspace_id = ${acme.workspaceId} and contact_id = ${contactId}`);
    expect(optouts.rows).toEqual([{ topic_id: offers.body.id }]);
    const events = await database.db.execute<{ properties: Record<string, unknown> }>(sql`
      select properties from events where workspace_id = ${acme.workspaceId} and contact_id = ${contactId} and name = 'Email Unsubscribed'`);
    expect(events.rows).toEqual([
      {
        properties: expect.objectContaining({ topicId: offers.body.id, method: "preferences" }),
      },
    ]);
    // Ticked again: received again. Consent for email as a whole is untouched.
    await app.request(`/e/u/${token}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `action=topics&topic=${news.body.id}&topic=${offers.body.id}`,
    });
    const after = await database.db.execute(sql`
      select 1 from email_topic_optouts where workspace_id = ${acme.workspaceId} and contact_id = ${contactId}`);
    expect(after.rows).toHaveLength(0);
    const tampered = await app.request(`/e/u/${token.slice(0, -2)}xx`);
    expect(tampered.status).toBe(400);
  });

  it("another workspace's key sees none of it and cannot use its topics", async () => {
    expect((await call(rival.secretKey, "GET", "/api/email/partials")).body.data).toEqual([]);
    expect((await call(rival.secretKey, "GET", "/api/email/topics")).body.data).toEqual([]);
    const acmeTopics = (await call(acme.secretKey, "GET", "/api/email/topics")).body.data;
    expect(acmeTopics.length).toBeGreaterThan(0);
    const steal = await call(rival.secretKey, "POST", "/api/email/templates/from-starter", {
      starter: "welcome",
      topicId: acmeTopics[0].id,
    });
    expect(steal.status).toBe(400);
    expect(
      (await call(rival.secretKey, "DELETE", `/api/email/topics/${acmeTopics[0].id}`)).status,
    ).toBe(404);
    // The same slug is free in another workspace; an include of Acme's footer is unknown here.
    const include = await call(rival.secretKey, "POST", "/api/email/templates", {
      name: "x",
      slug: "news",
      subject: "x",
      mjml: '<mjml><mj-body><mj-include path="footer" /></mj-body></mjml>',
    });
    expect(include.status).toBe(400);
  });
});

async function contact(firstName: string, userId: string): Promise<string> {
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
