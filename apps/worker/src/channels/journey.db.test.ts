// End to end: a Telegram lead arrives through the bot webhook, the marketer records consent,
// a published journey answers the lead's next message in Telegram — through ingestion, the
// real engine and the channel dispatcher, run by the real worker, to a local fake Bot API.
import { createLogger } from "@voronka/core";
import { saveChannelSettings } from "@voronka/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publish } from "../../../../packages/db/src/engine/engine-test-support.ts";
import { bearer, jsonHeaders } from "../../../../test/support/app.ts";
import { until } from "../../../../test/support/until.ts";
import {
  type CreatedSource,
  type LeadHarness,
  leadHarness,
} from "../../../server/src/routes/leads/test-support.ts";
import { startWorker } from "../runner.ts";
import { TEST_SECRET } from "./channel-test-support.ts";
import { FAKE, type FakeProviders, startFakeProviders } from "./fake-providers.ts";

let h: LeadHarness;
let fake: FakeProviders;
let source: CreatedSource;

beforeAll(async () => {
  process.env.VORONKA_SECRET = TEST_SECRET;
  h = await leadHarness();
  fake = await startFakeProviders();
  await saveChannelSettings(h.database.db, h.tenant.workspaceId, {
    telegramToken: FAKE.telegramToken,
    telegramBaseUrl: fake.url,
  });
  source = await h.createSource({
    channel: "telegram",
    name: "Banquet bot",
    funnelId: h.funnel.id,
    settings: { botUsername: "banquet_hall_bot" },
  });
});
afterAll(async () => {
  await fake?.close();
  await h?.database.drop();
});

const chat = { id: 5550001, type: "private", first_name: "Maria", username: "maria_b" };
const from = { id: 5550001, is_bot: false, first_name: "Maria", username: "maria_b" };
const update = (id: number, text: string) => ({
  update_id: id,
  message: { message_id: id, date: Math.floor(Date.now() / 1000), chat, from, text },
});
const postUpdate = (body: unknown) =>
  h.app.request(source.endpoint?.path ?? "", {
    method: "POST",
    headers: { ...jsonHeaders, "x-telegram-bot-api-secret-token": source.secret ?? "" },
    body: JSON.stringify(body),
  });

/** Lead Captured → send a Telegram message → exit. */
const graph = {
  schemaVersion: 1,
  nodes: [
    {
      id: "lead",
      type: "trigger-event",
      position: { x: 0, y: 0 },
      data: { event: "Lead Captured" },
    },
    {
      id: "reply",
      type: "send-message",
      position: { x: 1, y: 0 },
      data: {
        channel: "telegram",
        text: "Thank you, {{ contact.firstName }}! A manager will send you the banquet menu today.",
      },
    },
    { id: "done", type: "exit", position: { x: 2, y: 0 }, data: {} },
  ],
  edges: [
    { id: "e1", source: "lead", sourceHandle: "out", target: "reply" },
    { id: "e2", source: "reply", sourceHandle: "out", target: "done" },
  ],
};

describe("a journey's Telegram message, end to end", () => {
  it("reaches the chat the lead came from", async () => {
    expect((await postUpdate(update(1, "/start"))).status).toBe(200);
    const contact = await h.contactBy("telegram", String(chat.id));
    expect(contact?.handles.telegram).toBe(String(chat.id));
    const consent = await h.app.request(`/api/contacts/${contact?.id}`, {
      method: "PATCH",
      headers: { ...bearer(h.tenant.secretKey), ...jsonHeaders },
      body: JSON.stringify({ consent: { telegram: "subscribed" } }),
    });
    expect(consent.status).toBe(200);
    await publish(h.database.db, h.tenant.workspaceId, graph, "Answer Telegram leads");

    const worker = await startWorker({
      database: h.database,
      log: createLogger("silent"),
      pollInterval: 100,
    });
    try {
      expect((await postUpdate(update(2, "Hello! Do you have a hall for 80 guests?"))).status).toBe(
        200,
      );
      const got = await until(
        async () => fake.delivered.find((d) => d.channel === "telegram"),
        20_000,
      );
      expect(got).toMatchObject({
        to: String(chat.id),
        text: "Thank you, Maria! A manager will send you the banquet menu today.",
      });
      const sent = await until(async () => {
        const r = await h.database.db.execute<{ name: string; status: string }>(sql`
          select e.name, f.status from events e
          join journey_effects f on f.workspace_id = e.workspace_id and f.contact_id = e.contact_id
          where e.workspace_id = ${h.tenant.workspaceId} and e.name = 'Message Sent' and f.type = 'send-message'`);
        return r.rows[0];
      });
      expect(sent).toEqual({ name: "Message Sent", status: "done" });
    } finally {
      await worker.stop();
    }
    expect(fake.delivered.filter((d) => d.channel === "telegram")).toHaveLength(1);
    expect(fake.formatErrors).toEqual([]);
  });
});
