import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders } from "../../../../../test/support/app.ts";
import { type CreatedSource, type LeadHarness, leadHarness } from "./test-support.ts";

let h: LeadHarness;
let source: CreatedSource;

beforeAll(async () => {
  h = await leadHarness();
  source = await h.createSource({
    channel: "call_tracking",
    name: "Call tracking",
    funnelId: h.funnel.id,
  });
});
afterAll(() => h.database.drop());

const call = {
  call_id: "c-20260301-0001",
  caller: "+7 (912) 345-67-89",
  called: "+74951234567",
  started_at: "2026-03-01T10:15:00Z",
  duration_seconds: 184,
  recording_url: "https://calls.example.com/rec/c-20260301-0001.mp3",
  utm_source: "yandex",
  utm_medium: "cpc",
  utm_campaign: "banquets-spring",
};

function post(body: unknown, options: { secret?: string; at?: number; tamper?: boolean } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = String(options.at ?? Math.floor(Date.now() / 1000));
  const mac = createHmac("sha256", options.secret ?? source.secret ?? "")
    .update(`${timestamp}.${raw}`)
    .digest("hex");
  return h.app.request(source.endpoint?.path ?? "", {
    method: "POST",
    headers: {
      ...jsonHeaders,
      "x-voronka-timestamp": timestamp,
      "x-voronka-signature": `sha256=${mac}`,
    },
    body: options.tamper ? raw.replace("184", "999") : raw,
  });
}

describe("call-tracking webhook", () => {
  it("a signed call becomes a lead of the caller's number with UTM, in the first stage", async () => {
    const res = await post(call);
    expect(res.status).toBe(200);
    const contact = await h.contactBy("phone", "+79123456789");
    expect(contact).toMatchObject({ phone: "+79123456789", source: "call_tracking" });
    const [event] = await h.leadEvents(contact!.id);
    expect(event?.properties).toMatchObject({
      channel: "call_tracking",
      sourceId: source.id,
      callId: "c-20260301-0001",
      durationSeconds: 184,
      recordingUrl: call.recording_url,
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "banquets-spring",
    });
    expect(event?.timestamp.toISOString()).toBe("2026-03-01T10:15:00.000Z");
    const stage = await h.stageOf(contact!.id);
    expect(stage.stageId).toBe(h.funnel.stages[0]!.id);
    expect(stage.moves).toMatchObject([{ cause: "lead", from_stage_id: null }]);
  });

  it("the same call_id delivered again is one lead", async () => {
    const before = await h.counts();
    const res = await post(call);
    expect(await res.json()).toMatchObject({ duplicate: true });
    expect(await h.counts()).toEqual(before);
  });

  it("refuses a wrong key, a tampered body and a stale timestamp: 401, nothing stored", async () => {
    const before = await h.counts();
    const next = { ...call, call_id: "c-2" };
    expect((await post(next, { secret: "wrong-secret-123" })).status).toBe(401);
    expect((await post(next, { tamper: true })).status).toBe(401);
    const stale = await post(next, { at: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.message).toContain("5 minutes");
    const unsigned = await h.app.request(source.endpoint?.path ?? "", {
      method: "POST",
      headers: jsonHeaders,
      body: JSON.stringify(next),
    });
    expect(unsigned.status).toBe(401);
    expect(await h.counts()).toEqual(before);
  });

  it("a signed payload without a caller is a 400 naming the field", async () => {
    const res = await post({ ...call, call_id: "c-3", caller: undefined });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain("caller");
  });
});
