import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders } from "../../../../../test/support/app.ts";
import { type CreatedSource, type LeadHarness, leadHarness } from "./test-support.ts";

const AUTH_TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";
let h: LeadHarness;
let source: CreatedSource;

beforeAll(async () => {
  h = await leadHarness();
  source = await h.createSource({ channel: "viber", name: "Viber bot", secret: AUTH_TOKEN });
});
afterAll(() => h.database.drop());

const sign = (raw: string, token = AUTH_TOKEN) =>
  createHmac("sha256", token).update(raw).digest("hex");
const post = (raw: string, signature: string | null) =>
  h.app.request(source.endpoint?.path ?? "", {
    method: "POST",
    headers: { ...jsonHeaders, ...(signature ? { "x-viber-content-signature": signature } : {}) },
    body: raw,
  });

// Callbacks as documented in Viber's REST Bot API (developers.viber.com/docs/api/rest-bot-api).
const messageCallback = `{"event":"message","timestamp":1457764197627,"chat_hostname":"SN-376_","message_token":4912661846655238145,"sender":{"id":"01234567890A=","name":"John McClane","avatar":"http://avatar.example.com","country":"UK","language":"en","api_version":1},"message":{"type":"text","text":"a message to the service","tracking_data":"tracking data"},"silent":false}`;

describe("Viber bot webhook", () => {
  it("answers the set-webhook handshake with 200 and stores nothing", async () => {
    const raw = JSON.stringify({
      event: "webhook",
      timestamp: 1457764197627,
      chat_hostname: "SN-219_",
      message_token: 241256543215,
    });
    const res = await post(raw, sign(raw));
    expect(res.status).toBe(200);
    expect(await h.counts()).toEqual({ leads: 0, events: 0, contacts: 0 });
  });

  it("a message becomes a lead of the sender in the workspace's funnel", async () => {
    const res = await post(messageCallback, sign(messageCallback));
    expect(res.status).toBe(200);
    const contact = await h.contactBy("viber", "01234567890A=");
    expect(contact).toMatchObject({
      name: "John McClane",
      source: "viber",
      handles: { viber: "01234567890A=" },
    });
    const [event] = await h.leadEvents(contact!.id);
    expect(event?.properties).toMatchObject({
      channel: "viber",
      sourceName: "Viber bot",
      message: "a message to the service",
    });
    const [lead] = await h.q<{ dedupe_key: string }>("select dedupe_key from leads");
    // The 64-bit token is kept exactly, not rounded by JSON.parse.
    expect(lead?.dedupe_key).toBe(`${source.id}:4912661846655238145`);
    // The source names no funnel: the workspace's (only) funnel, first open stage.
    const stage = await h.stageOf(contact!.id);
    expect(stage.stageId).toBe(h.funnel.stages[0]!.id);
    expect(stage.moves).toMatchObject([{ cause: "lead" }]);
  });

  it("a re-delivered message is one lead", async () => {
    const before = await h.counts();
    expect((await post(messageCallback, sign(messageCallback))).status).toBe(200);
    expect(await h.counts()).toEqual(before);
  });

  it("conversation_started carries the deep-link context as UTM", async () => {
    const raw = JSON.stringify({
      event: "conversation_started",
      timestamp: 1457764197627,
      message_token: 4912661846655238000,
      type: "open",
      context: "source-vk__campaign-autumn",
      user: {
        id: "A7mQ2nR9vX3=",
        name: "Holly Gennero",
        country: "US",
        language: "en",
        api_version: 1,
      },
      subscribed: false,
    });
    expect((await post(raw, sign(raw))).status).toBe(200);
    const contact = await h.contactBy("viber", "A7mQ2nR9vX3=");
    expect(contact?.name).toBe("Holly Gennero");
    const [event] = await h.leadEvents(contact!.id);
    expect(event?.properties).toMatchObject({ utm_source: "vk", utm_campaign: "autumn" });
  });

  it("a bad or missing signature: 401 and nothing stored", async () => {
    const before = await h.counts();
    const raw = messageCallback.replace("4912661846655238145", "4912661846655238999");
    const bad = await post(raw, sign(messageCallback));
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe("unauthenticated");
    expect((await post(raw, null)).status).toBe(401);
    expect((await post(raw, sign(raw, "another-token"))).status).toBe(401);
    expect(await h.counts()).toEqual(before);
  });
});
