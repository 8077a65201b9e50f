import { channelDelivery, saveChannelSettings } from "@voronka/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../../../../test/support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/test-db.ts";
import {
  channelContact,
  contactEvents,
  effectRow,
  queueEffect,
  TEST_SECRET,
} from "./channel-test-support.ts";
import { dispatchChannelBatch } from "./dispatch.ts";
import {
  type Delivered,
  FAKE,
  type FakeProviders,
  type Forced,
  startFakeProviders,
} from "./fake-providers.ts";

let database: TestDatabase;
let fake: FakeProviders;
let workspaceId: string;

beforeAll(async () => {
  process.env.VORONKA_SECRET = TEST_SECRET;
  database = await createTestDatabase();
  fake = await startFakeProviders();
  ({ workspaceId } = await createTenant(database.db, "Flower shop"));
  await saveChannelSettings(database.db, workspaceId, {
    telegramToken: FAKE.telegramToken,
    telegramBaseUrl: fake.url,
    whatsappPhoneNumberId: FAKE.whatsappPhoneNumberId,
    whatsappToken: FAKE.whatsappToken,
    whatsappBaseUrl: `${fake.url}/v21.0`,
    viberToken: FAKE.viberToken,
    viberSenderName: "Flower shop",
    viberBaseUrl: fake.url,
    smsAccountSid: FAKE.smsAccountSid,
    smsAuthToken: FAKE.smsAuthToken,
    smsFrom: FAKE.smsFrom,
    smsBaseUrl: fake.url,
  });
});
afterAll(async () => {
  await fake?.close();
  await database?.drop();
});

type Channel = Delivered["channel"];
interface Case {
  channel: Channel;
  /** Contact fields that make the channel reachable. */
  reach: { phone?: string; handles?: Record<string, string> };
  /** Where the fake must see the message go. */
  to: string;
  templateId?: string;
  /** A temporary failure in the provider's own format. */
  failure: Forced;
}

const cases: Case[] = [
  {
    channel: "telegram",
    reach: { handles: { telegram: "1111111" } },
    to: "1111111",
    failure: {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 5",
        parameters: { retry_after: 5 },
      },
      headers: { "retry-after": "5" },
    },
  },
  {
    channel: "whatsapp",
    reach: { phone: "+15551230001", handles: { whatsapp: "15551230001" } },
    to: "15551230001",
    templateId: "order_ready",
    failure: {
      status: 503,
      body: {
        error: {
          message: "Service temporarily unavailable",
          type: "OAuthException",
          code: 2,
          fbtrace_id: "Az8or2yhqkZfEZ-_4Qn_Bam",
        },
      },
    },
  },
  {
    channel: "viber",
    reach: { handles: { viber: "01234567890A=" } },
    to: "01234567890A=",
    // Viber answers HTTP 200 with status 12 when rate limited.
    failure: { status: 200, body: { status: 12, status_message: "tooManyRequests" } },
  },
  {
    channel: "sms",
    reach: { phone: "+15551230002" },
    to: "+15551230002",
    failure: { status: 500, body: { code: 20500, message: "Internal Server Error", status: 500 } },
  },
];

const T0 = new Date("2026-11-25T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const TEXT = "Hi {{ contact.firstName }}, your bouquet is ready. Code: {{ vars.code }}";

describe.each(cases)("$channel", (c) => {
  it("delivers the personalized text, retrying a temporary failure", async () => {
    const ann = await channelContact(database.db, workspaceId, {
      firstName: "Ann",
      ...c.reach,
      consent: { [c.channel]: "subscribed" },
    });
    const key = await queueEffect(database.db, workspaceId, ann.contactId, (k) => ({
      type: "send-message",
      key: k,
      nodeId: "node",
      channel: c.channel,
      text: TEXT,
      ...(c.templateId ? { templateId: c.templateId } : {}),
      vars: { code: "SPRING-24" },
    }));
    fake.force(c.channel, c.failure);
    const before = fake.requests[c.channel];

    const first = await dispatchChannelBatch(database.db, { now: T0 });
    expect(first).toMatchObject({ claimed: 1, retrying: 1, sent: 0 });
    expect(fake.requests[c.channel]).toBe(before + 1);
    const retrying = await channelDelivery(database.db, workspaceId, key);
    expect(retrying).toMatchObject({ status: "retrying", attempts: 1, recipient: c.to });
    expect(retrying?.retry_at?.getTime()).toBeGreaterThan(T0.getTime());
    expect((await effectRow(database.db, workspaceId, key))?.status).toBe("pending");

    // Not due yet: nothing is claimed, nothing is sent.
    expect((await dispatchChannelBatch(database.db, { now: at(10_000) })).claimed).toBe(0);
    expect(fake.requests[c.channel]).toBe(before + 1);

    const second = await dispatchChannelBatch(database.db, { now: at(10 * 60_000) });
    expect(second).toMatchObject({ claimed: 1, sent: 1 });
    const got = fake.delivered.filter((d) => d.channel === c.channel).at(-1);
    expect(got?.to).toBe(c.to);
    expect(got?.text).toBe("Hi Ann, your bouquet is ready. Code: SPRING-24");
    if (c.templateId) expect(got?.template).toBe(c.templateId);
    expect(fake.formatErrors).toEqual([]);

    expect(await effectRow(database.db, workspaceId, key)).toMatchObject({
      status: "done",
      attempts: 2,
    });
    const sent = await channelDelivery(database.db, workspaceId, key);
    expect(sent).toMatchObject({ status: "sent", attempts: 2 });
    expect(sent?.provider_id).toBeTruthy();
    const events = await contactEvents(database.db, workspaceId, ann.contactId, "Message Sent");
    expect(events).toHaveLength(1);
    expect(events[0]?.properties).toMatchObject({ channel: c.channel, effectKey: key });

    // A second run finds nothing: the effect is done, exactly once.
    expect((await dispatchChannelBatch(database.db, { now: at(60 * 60_000) })).claimed).toBe(0);
    expect(fake.delivered.filter((d) => d.channel === c.channel && d.to === c.to)).toHaveLength(1);
  });

  it("skips a contact who withdrew consent, and records why", async () => {
    const bob = await channelContact(database.db, workspaceId, {
      firstName: "Bob",
      ...c.reach,
      consent: { [c.channel]: "unsubscribed" },
    });
    const key = await queueEffect(database.db, workspaceId, bob.contactId, (k) => ({
      type: "send-message",
      key: k,
      nodeId: "node",
      channel: c.channel,
      text: TEXT,
      ...(c.templateId ? { templateId: c.templateId } : {}),
      vars: {},
    }));
    const before = fake.requests[c.channel];
    const r = await dispatchChannelBatch(database.db, { now: T0 });
    expect(r).toMatchObject({ claimed: 1, skipped: 1, sent: 0 });
    expect(fake.requests[c.channel]).toBe(before);
    expect(await effectRow(database.db, workspaceId, key)).toMatchObject({
      status: "skipped",
      last_error: `consent withdrawn (${c.channel})`,
    });
    expect(await contactEvents(database.db, workspaceId, bob.contactId, "Message Sent")).toEqual(
      [],
    );
  });
});

describe("messages", () => {
  it("a permanent error (4xx) is recorded as failed, not retried, with a Message Failed event", async () => {
    const cy = await channelContact(database.db, workspaceId, {
      firstName: "Cy",
      phone: "+15551230003",
      consent: { sms: "subscribed" },
    });
    const key = await queueEffect(database.db, workspaceId, cy.contactId, (k) => ({
      type: "send-message",
      key: k,
      nodeId: "node",
      channel: "sms",
      text: "Hello",
      vars: {},
    }));
    fake.force("sms", {
      status: 400,
      body: { code: 21610, message: "Attempt to send to unsubscribed recipient", status: 400 },
    });
    const r = await dispatchChannelBatch(database.db, { now: T0 });
    expect(r).toMatchObject({ claimed: 1, failed: 1 });
    expect(await effectRow(database.db, workspaceId, key)).toMatchObject({ status: "failed" });
    const d = await channelDelivery(database.db, workspaceId, key);
    expect(d).toMatchObject({ status: "failed", attempts: 1, response_status: 400 });
    expect(d?.detail).toContain("unsubscribed recipient");
    expect(d?.response_excerpt).toContain("21610");
    const failed = await contactEvents(database.db, workspaceId, cy.contactId, "Message Failed");
    expect(failed).toHaveLength(1);
    expect((await dispatchChannelBatch(database.db, { now: at(3_600_000) })).claimed).toBe(0);
  });

  it("'preferred' goes out on the contact's preferred channel", async () => {
    const dee = await channelContact(database.db, workspaceId, {
      firstName: "Dee",
      handles: { viber: "pref-viber-id", telegram: "2222222" },
      consent: { viber: "subscribed", telegram: "subscribed" },
      preferredChannel: "viber",
    });
    const key = await queueEffect(database.db, workspaceId, dee.contactId, (k) => ({
      type: "send-message",
      key: k,
      nodeId: "node",
      channel: "preferred",
      text: "Hi {{ contact.firstName }}",
      vars: {},
    }));
    await dispatchChannelBatch(database.db, { now: T0 });
    expect(fake.delivered.at(-1)).toMatchObject({
      channel: "viber",
      to: "pref-viber-id",
      text: "Hi Dee",
    });
    expect(await channelDelivery(database.db, workspaceId, key)).toMatchObject({
      channel: "viber",
      status: "sent",
    });
  });

  it("tokens are stored encrypted", async () => {
    const r = await database.db.execute<Record<string, string | null>>(
      sql`select telegram_token_enc, sms_auth_token_enc from channel_settings where workspace_id = ${workspaceId}`,
    );
    const row = r.rows[0];
    expect(row?.telegram_token_enc).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(FAKE.telegramToken);
    expect(JSON.stringify(row)).not.toContain(FAKE.smsAuthToken);
  });
});
