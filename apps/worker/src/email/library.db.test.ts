/**
 * Templates named by slug (as journey files do), partials versioned with the journey's publish
 * time, and per-topic opt-outs, through the real engine, dispatcher and a local SMTP server.
 */

import { readFile } from "node:fs/promises";
import {
  createEmailTemplate,
  createEmailTopic,
  saveEmailPartial,
  setEmailTopicSubscriptions,
  storeEvents,
} from "@voronka/db";
import { closeSmtpPools, starter } from "@voronka/email";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publish, settle } from "../../../../packages/db/src/engine/engine-test-support.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import { dispatchEmailBatch } from "./dispatch.ts";
import {
  emailContact,
  emailWorkspace,
  queueSend,
  signUp,
  TEST_CONFIG,
  welcomeGraph,
} from "./email-test-support.ts";
import { startTestSmtp, type TestSmtp } from "./smtp-test-support.ts";

let database: TestDatabase;
let smtp: TestSmtp;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  closeSmtpPools();
  await smtp.close();
  await database.drop();
});

/** The decoded body of a received message (quoted-printable undone). */
function bodyOf(raw: string): string {
  return raw
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

async function effect(workspaceId: string, key: string) {
  const r = await database.db.execute<{ status: string; last_error: string | null }>(sql`
    select status, last_error from journey_effects where workspace_id = ${workspaceId} and key = ${key}`);
  return r.rows[0];
}

const withFooter = (text: string) => `<mjml><mj-body>
  <mj-section><mj-column><mj-text>${text}, {{ contact.firstName }}</mj-text></mj-column></mj-section>
  <mj-include path="footer" />
</mj-body></mjml>`;

describe("templates by slug, partials and topics", () => {
  it("a journey that names its template by slug (as the fixtures do) sends it", async () => {
    const ws = await emailWorkspace(database.db, smtp.url);
    await createEmailTemplate(database.db, ws.workspaceId, {
      name: "Welcome by slug",
      slug: "welcome",
      subject: "Slug welcome, {{ contact.firstName }}",
      preheader: "",
      mjml: withFooter("Found by slug").replace('<mj-include path="footer" />', ""),
    });
    await publish(database.db, ws.workspaceId, welcomeGraph("welcome"), "By slug");
    const ann = await emailContact(database.db, ws.workspaceId, { firstName: "Ann" });
    const before = smtp.messages.length;
    const key = await signUp(database.db, ws.workspaceId, ann.userId);
    expect(await dispatchEmailBatch(database.db, { config: TEST_CONFIG })).toMatchObject({
      sent: 1,
    });
    const got = smtp.messages.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]?.raw).toContain("Subject: Slug welcome, Ann");
    expect(bodyOf(got[0]?.raw ?? "")).toContain("Found by slug, Ann");
    expect(await effect(ws.workspaceId, key)).toEqual({ status: "done", last_error: null });

    // An unknown slug fails the send with a reason, it does not throw the batch away.
    const missing = await queueSend(database.db, ws.workspaceId, ann.userId, "no-such-template");
    await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    expect(await effect(ws.workspaceId, missing)).toEqual({
      status: "failed",
      last_error: "template no-such-template not found",
    });
  });

  it("the abandoned-cart fixture, as written (templates by slug), sends its reminder", async () => {
    const ws = await emailWorkspace(database.db, smtp.url);
    const s = starter("abandoned-cart");
    if (!s) throw new Error("no starter");
    await createEmailTemplate(database.db, ws.workspaceId, { ...s, slug: "cart-reminder" });
    const graph: unknown = JSON.parse(
      await readFile(
        new URL("../../../../test/fixtures/journeys/abandoned-cart.json", import.meta.url),
        "utf8",
      ),
    );
    await publish(database.db, ws.workspaceId, graph, "Abandoned cart");
    const flo = await emailContact(database.db, ws.workspaceId, { firstName: "Flo" });
    const t0 = Date.parse("2026-11-25T10:00:00Z");
    await storeEvents(database.db, ws.workspaceId, [
      {
        messageId: `cart-${flo.userId}`,
        type: "track",
        name: "cart_abandoned",
        userId: flo.userId,
        anonymousId: null,
        identities: [{ kind: "user_id", value: flo.userId }],
        properties: { cartValue: 50 },
        context: {},
        timestamp: new Date(t0),
      },
    ]);
    await settle(database.db, ws.workspaceId, t0);
    await settle(database.db, ws.workspaceId, t0 + 2 * 3_600_000);
    const before = smtp.messages.length;
    expect(await dispatchEmailBatch(database.db, { config: TEST_CONFIG })).toMatchObject({
      sent: 1,
    });
    const msg = smtp.messages[before];
    expect(msg?.to).toEqual([flo.email]);
    expect(msg?.raw).toContain("Subject: You left something in your cart");
    expect(bodyOf(msg?.raw ?? "")).toContain("Flo, still thinking it over?");
  });

  it("a slug of another workspace is not found", async () => {
    const mine = await emailWorkspace(database.db, smtp.url);
    const other = await emailWorkspace(database.db, smtp.url);
    await createEmailTemplate(database.db, other.workspaceId, {
      name: "Theirs",
      slug: "theirs",
      subject: "Not yours",
      preheader: "",
      mjml: withFooter("x").replace('<mj-include path="footer" />', ""),
    });
    await publish(database.db, mine.workspaceId, welcomeGraph("theirs"), "Foreign slug");
    const bo = await emailContact(database.db, mine.workspaceId, { firstName: "Bo" });
    const before = smtp.messages.length;
    const key = await signUp(database.db, mine.workspaceId, bo.userId);
    await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    expect(smtp.messages.length).toBe(before);
    expect(await effect(mine.workspaceId, key)).toEqual({
      status: "failed",
      last_error: "template theirs not found",
    });
  });

  it("a published journey sends the partials in the version current when it was published", async () => {
    const ws = await emailWorkspace(database.db, smtp.url);
    await saveEmailPartial(
      database.db,
      ws.workspaceId,
      "footer",
      "<mj-section><mj-column><mj-text>Footer one</mj-text></mj-column></mj-section>",
    );
    const t = await createEmailTemplate(database.db, ws.workspaceId, {
      name: "With footer",
      subject: "Footer test",
      preheader: "",
      mjml: withFooter("Hello"),
    });
    await publish(database.db, ws.workspaceId, welcomeGraph(t.id), "Footer journey");
    // Changed after publishing: the running journey keeps "Footer one".
    const v2 = await saveEmailPartial(
      database.db,
      ws.workspaceId,
      "footer",
      "<mj-section><mj-column><mj-text>Footer two</mj-text></mj-column></mj-section>",
    );
    expect(v2.version).toBe(2);
    const cy = await emailContact(database.db, ws.workspaceId, { firstName: "Cy" });
    const before = smtp.messages.length;
    await signUp(database.db, ws.workspaceId, cy.userId);
    await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    const body = bodyOf(smtp.messages[before]?.raw ?? "");
    expect(body).toContain("Hello, Cy");
    expect(body).toContain("Footer one");
    expect(body).not.toContain("Footer two");

    // A journey published now gets the new footer (and its own compile-cache entry).
    await publish(database.db, ws.workspaceId, welcomeGraph(t.id), "Footer journey 2");
    const di = await emailContact(database.db, ws.workspaceId, { firstName: "Di" });
    const mid = smtp.messages.length;
    await signUp(database.db, ws.workspaceId, di.userId);
    await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    const bodies = smtp.messages.slice(mid).map((m) => bodyOf(m.raw));
    expect(bodies.some((b) => b.includes("Footer two") && b.includes("Hello, Di"))).toBe(true);
  });

  it("a contact who left a topic is skipped for its templates and still gets the others", async () => {
    const ws = await emailWorkspace(database.db, smtp.url);
    const offers = await createEmailTopic(database.db, ws.workspaceId, { name: "Offers" });
    const news = await createEmailTopic(database.db, ws.workspaceId, { name: "News" });
    const offer = await createEmailTemplate(database.db, ws.workspaceId, {
      name: "Offer",
      topicId: offers.id,
      subject: "An offer",
      preheader: "",
      mjml: withFooter("Offer").replace('<mj-include path="footer" />', ""),
    });
    const newsletter = await createEmailTemplate(database.db, ws.workspaceId, {
      name: "News",
      topicId: news.id,
      subject: "The news",
      preheader: "",
      mjml: withFooter("News").replace('<mj-include path="footer" />', ""),
    });
    await publish(database.db, ws.workspaceId, welcomeGraph(offer.id), "Offers journey");
    const ed = await emailContact(database.db, ws.workspaceId, { firstName: "Ed" });
    const first = await signUp(database.db, ws.workspaceId, ed.userId);
    expect(
      await setEmailTopicSubscriptions(database.db, ws.workspaceId, ed.contactId, [news.id], {
        effectKey: "test",
      }),
    ).toBe(true);
    const before = smtp.messages.length;
    await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    expect(await effect(ws.workspaceId, first)).toEqual({
      status: "skipped",
      last_error: "unsubscribed from the topic",
    });
    const second = await queueSend(database.db, ws.workspaceId, ed.userId, newsletter.id);
    await dispatchEmailBatch(database.db, { config: TEST_CONFIG });
    expect(await effect(ws.workspaceId, second)).toEqual({ status: "done", last_error: null });
    expect(smtp.messages.slice(before).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1])).toEqual([
      "The news",
    ]);
  });
});
