import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders } from "../../../../../test/support/app.ts";
import { type CreatedSource, type LeadHarness, leadHarness } from "./test-support.ts";

let h: LeadHarness;
let source: CreatedSource;

beforeAll(async () => {
  h = await leadHarness();
  source = await h.createSource({
    channel: "telegram",
    name: "Banquet bot",
    funnelId: h.funnel.id,
    settings: { botUsername: "banquet_hall_bot" },
  });
});
afterAll(() => h.database.drop());

// The shape of Telegram's own webhook example (core.telegram.org/bots/webhooks), with a deep
// link payload `t.me/banquet_hall_bot?start=utm_source-instagram__…`.
const chat = {
  id: 1111111,
  type: "private",
  first_name: "Test Firstname",
  last_name: "Test Lastname",
  username: "Testusername",
};
const from = {
  id: 1111111,
  is_bot: false,
  first_name: "Test Firstname",
  last_name: "Test Lastname",
  username: "Testusername",
  language_code: "en",
};
const startUpdate = {
  update_id: 10000,
  message: {
    message_id: 1365,
    date: 1441645532,
    chat,
    from,
    text: "/start utm_source-instagram__utm_medium-stories__utm_campaign-wedding",
    entities: [{ offset: 0, length: 6, type: "bot_command" }],
  },
};

const post = (body: unknown, secret: string | null = source.secret) =>
  h.app.request(source.endpoint?.path ?? "", {
    method: "POST",
    headers: { ...jsonHeaders, ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(body),
  });

describe("Telegram lead webhook", () => {
  it("generates a secret token and gives the webhook path", () => {
    expect(source.secret).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(source.endpoint?.path).toBe(`/v1/leads/telegram/${source.publicId}`);
  });

  it("turns a /start update into a contact in the funnel's first stage with its UTM", async () => {
    const res = await post(startUpdate);
    expect(res.status).toBe(200);
    const contact = await h.contactBy("telegram", "1111111");
    expect(contact).toMatchObject({
      name: "Test Firstname Test Lastname",
      first_name: "Test Firstname",
      last_name: "Test Lastname",
      source: "telegram",
      handles: { telegram: "1111111", telegram_username: "Testusername" },
    });
    const [event] = await h.leadEvents(contact!.id);
    expect(event?.properties).toMatchObject({
      channel: "telegram",
      sourceId: source.id,
      sourceName: "Banquet bot",
      utm_source: "instagram",
      utm_medium: "stories",
      utm_campaign: "wedding",
    });
    expect(event?.context).toMatchObject({ campaign: { source: "instagram", name: "wedding" } });
    expect(event?.timestamp.toISOString()).toBe("2015-09-07T17:05:32.000Z");
    const [lead] = await h.q<{ id: string; utm: Record<string, string> }>(
      "select id, utm from leads where contact_id = $1",
      [contact!.id],
    );
    const stage = await h.stageOf(contact!.id);
    expect(stage.stageId).toBe(h.funnel.stages[0]!.id);
    expect(stage.moves).toEqual([
      {
        from_stage_id: null,
        to_stage_id: h.funnel.stages[0]!.id,
        cause: "lead",
        cause_ref: lead!.id,
      },
    ]);
  });

  it("a re-delivered update is one lead; a later message is a new lead but no new move", async () => {
    const before = await h.counts();
    expect((await post(startUpdate)).status).toBe(200);
    expect(await h.counts()).toEqual(before);
    const shared = {
      update_id: 10001,
      message: {
        message_id: 1366,
        date: 1441645600,
        chat,
        from,
        contact: {
          phone_number: "+7 999 123-45-67",
          first_name: "Test Firstname",
          user_id: 1111111,
        },
      },
    };
    expect((await post(shared)).status).toBe(200);
    const contact = await h.contactBy("telegram", "1111111");
    expect(contact?.phone).toBe("+79991234567");
    expect((await h.contactBy("phone", "+79991234567"))?.id).toBe(contact?.id);
    expect(await h.leadEvents(contact!.id)).toHaveLength(2);
    expect((await h.stageOf(contact!.id)).moves).toHaveLength(1);
  });

  it("refuses a wrong or missing secret token: 401, nothing stored", async () => {
    const before = await h.counts();
    const wrong = await post({ ...startUpdate, update_id: 20000 }, "not-the-secret");
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("unauthenticated");
    expect((await post({ ...startUpdate, update_id: 20001 }, null)).status).toBe(401);
    expect(await h.counts()).toEqual(before);
  });

  it("acknowledges updates that are not messages; 404 for an unknown source", async () => {
    const res = await post({ update_id: 10002, edited_message: startUpdate.message });
    expect(res.status).toBe(200);
    const unknown = await h.app.request("/v1/leads/telegram/nope", {
      method: "POST",
      headers: jsonHeaders,
      body: "{}",
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
  });

  it("bad JSON is a 400 envelope", async () => {
    const res = await h.app.request(source.endpoint?.path ?? "", {
      method: "POST",
      headers: { ...jsonHeaders, "x-telegram-bot-api-secret-token": source.secret ?? "" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("bad_request");
  });
});
