import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders } from "../../../../../test/support/app.ts";
import { type CreatedSource, type LeadHarness, leadHarness } from "./test-support.ts";

const APP_SECRET = "3f1c9d2e8a7b6c5d4e3f2a1b0c9d8e7f";
let h: LeadHarness;
let source: CreatedSource;

beforeAll(async () => {
  h = await leadHarness();
  source = await h.createSource({
    channel: "whatsapp",
    name: "Hall WhatsApp",
    stageId: h.funnel.stages[1]!.id,
    secret: APP_SECRET,
  });
});
afterAll(() => h.database.drop());

// Meta's documented `messages` webhook for a text message (developers.facebook.com, WhatsApp
// Cloud API → Webhooks → messages), arriving from a Click-to-WhatsApp ad.
const textMessage = (id: string) => ({
  object: "whatsapp_business_account",
  entry: [
    {
      id: "102290129340398",
      changes: [
        {
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
            contacts: [{ profile: { name: "Sheena Nelson" }, wa_id: "16505551234" }],
            messages: [
              {
                from: "16505551234",
                id,
                timestamp: "1749416383",
                type: "text",
                text: { body: "Is the hall free on June 14?" },
                referral: {
                  source_url: "https://fb.me/3cr4Wqqkv",
                  source_id: "120226305854810726",
                  source_type: "ad",
                  headline: "Weddings at the hall",
                },
              },
            ],
          },
          field: "messages",
        },
      ],
    },
  ],
});

const sign = (raw: string, secret = APP_SECRET) =>
  `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
const post = (raw: string, signature: string | null) =>
  h.app.request(source.endpoint?.path ?? "", {
    method: "POST",
    headers: { ...jsonHeaders, ...(signature ? { "x-hub-signature-256": signature } : {}) },
    body: raw,
  });

describe("WhatsApp Cloud API webhook", () => {
  it("answers the verification handshake only with the verify token", async () => {
    const path = source.endpoint?.path ?? "";
    const token = source.settings.verifyToken ?? "";
    expect(token.length).toBeGreaterThanOrEqual(8);
    const ok = await h.app.request(
      `${path}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const bad = await h.app.request(
      `${path}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444`,
    );
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain("1158201444");
  });

  it("a signed message becomes a lead in the source's stage, with name, phone and ad UTM", async () => {
    const raw = JSON.stringify(
      textMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="),
    );
    const res = await post(raw, sign(raw));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ captured: 1, duplicates: 0 });
    const contact = await h.contactBy("whatsapp", "16505551234");
    expect(contact).toMatchObject({
      name: "Sheena Nelson",
      phone: "+16505551234",
      source: "whatsapp",
      handles: { whatsapp: "16505551234" },
    });
    const [event] = await h.leadEvents(contact!.id);
    expect(event?.properties).toMatchObject({
      channel: "whatsapp",
      sourceName: "Hall WhatsApp",
      message: "Is the hall free on June 14?",
      utm_source: "facebook",
      utm_medium: "ad",
    });
    const stage = await h.stageOf(contact!.id);
    expect(stage.stageId).toBe(h.funnel.stages[1]!.id);
    expect(stage.moves).toMatchObject([{ cause: "lead", to_stage_id: h.funnel.stages[1]!.id }]);
  });

  it("a re-delivered message is one lead", async () => {
    const raw = JSON.stringify(
      textMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="),
    );
    const before = await h.counts();
    const res = await post(raw, sign(raw));
    expect(await res.json()).toMatchObject({ captured: 0, duplicates: 1 });
    expect(await h.counts()).toEqual(before);
  });

  it("a tampered, unsigned or wrongly keyed payload: 401 and nothing stored", async () => {
    const before = await h.counts();
    const raw = JSON.stringify(textMessage("wamid.tampered"));
    const tampered = raw.replace("Sheena Nelson", "Mallory");
    const res = await post(tampered, sign(raw));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
    expect((await post(raw, null)).status).toBe(401);
    expect((await post(raw, sign(raw, "another-app-secret"))).status).toBe(401);
    expect((await post(raw, "sha256=")).status).toBe(401);
    expect(await h.counts()).toEqual(before);
    expect(await h.contactBy("whatsapp", "Mallory")).toBeUndefined();
  });

  it("status callbacks are acknowledged and ignored", async () => {
    const before = await h.counts();
    const raw = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [
            {
              value: {
                messaging_product: "whatsapp",
                metadata: {
                  display_phone_number: "15550783881",
                  phone_number_id: "106540352242922",
                },
                statuses: [
                  {
                    id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjY5QTZCRTQ3NjA4N0EA",
                    status: "delivered",
                    timestamp: "1749416390",
                    recipient_id: "16505551234",
                  },
                ],
              },
              field: "messages",
            },
          ],
        },
      ],
    });
    const res = await post(raw, sign(raw));
    expect(res.status).toBe(200);
    expect(await h.counts()).toEqual(before);
  });

  it("signed but malformed JSON is a 400", async () => {
    const raw = "{oops";
    const res = await post(raw, sign(raw));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("bad_request");
  });
});
