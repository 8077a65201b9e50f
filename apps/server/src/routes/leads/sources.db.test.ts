import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, jsonHeaders } from "../../../../../test/support/app.ts";
import { type LeadHarness, leadHarness } from "./test-support.ts";

let h: LeadHarness;
beforeAll(async () => {
  h = await leadHarness();
});
afterAll(() => h.database.drop());

const call = (method: string, path: string, body?: unknown) =>
  h.app.request(path, {
    method,
    headers: { ...bearer(h.tenant.secretKey), ...jsonHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("/api/lead-sources", () => {
  it("creates, lists, reads, updates and deletes a source", async () => {
    const created = await call("POST", "/api/lead-sources", {
      channel: "web_form",
      name: "Footer form",
      funnelId: h.funnel.id,
      settings: { fields: ["name", "phone"], buttonText: "Call me back" },
    });
    expect(created.status).toBe(201);
    const source = await created.json();
    expect(source).toMatchObject({
      channel: "web_form",
      name: "Footer form",
      funnelId: h.funnel.id,
      stageId: null,
      hasSecret: false,
      secret: null,
      endpoint: { method: "POST", path: `/v1/leads/forms/${source.publicId}` },
    });
    expect(source.publicId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(source.embed.htmlFormSnippet).toContain("Call me back");
    expect(source.embed.htmlFormSnippet).not.toContain('name="email"');

    const list = await (await call("GET", "/api/lead-sources")).json();
    expect(list.data.map((s: { id: string }) => s.id)).toEqual([source.id]);
    const got = await call("GET", `/api/lead-sources/${source.id}`);
    expect(await got.json()).toMatchObject({ id: source.id, name: "Footer form" });

    const offer = h.funnel.stages[1]!;
    const patched = await call("PATCH", `/api/lead-sources/${source.id}`, {
      name: "Footer form v2",
      stageId: offer.id,
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ name: "Footer form v2", stageId: offer.id });

    expect((await call("DELETE", `/api/lead-sources/${source.id}`)).status).toBe(204);
    expect((await call("GET", `/api/lead-sources/${source.id}`)).status).toBe(404);
    const gone = await h.app.request(`/v1/leads/forms/${source.publicId}`, {
      method: "POST",
      headers: jsonHeaders,
      body: JSON.stringify({ email: "late@example.com" }),
    });
    expect(gone.status).toBe(404);
  });

  it("generates Telegram and call-tracking secrets, shows them once, rotates them", async () => {
    const tg = await (
      await call("POST", "/api/lead-sources", { channel: "telegram", name: "Bot" })
    ).json();
    expect(tg.secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(tg.hasSecret).toBe(true);
    const read = await (await call("GET", `/api/lead-sources/${tg.id}`)).json();
    expect(read.secret).toBeUndefined();
    expect(JSON.stringify(read)).not.toContain(tg.secret);
    const rotated = await (
      await call("PATCH", `/api/lead-sources/${tg.id}`, { rotateSecret: true })
    ).json();
    expect(rotated.secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(rotated.secret).not.toBe(tg.secret);
  });

  it("WhatsApp and Viber need the provider's secret; WhatsApp gets a verify token", async () => {
    const missing = await call("POST", "/api/lead-sources", { channel: "whatsapp", name: "WA" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details[0].path).toBe("secret");
    expect(
      (await call("POST", "/api/lead-sources", { channel: "viber", name: "Viber" })).status,
    ).toBe(400);
    const wa = await (
      await call("POST", "/api/lead-sources", {
        channel: "whatsapp",
        name: "WA",
        secret: "app-secret-1234567890",
      })
    ).json();
    expect(wa.secret).toBeNull();
    expect(wa.settings.verifyToken).toMatch(/.{8,}/);
    const renamed = await (
      await call("PATCH", `/api/lead-sources/${wa.id}`, { settings: {} })
    ).json();
    expect(renamed.settings.verifyToken).toBe(wa.settings.verifyToken);
  });

  it("rejects bad input with a clear 4xx and creates nothing", async () => {
    const count = async () =>
      (await h.q<{ n: number }>("select count(*)::int as n from lead_sources"))[0]?.n;
    const before = await count();
    const badChannel = await call("POST", "/api/lead-sources", { channel: "fax", name: "Fax" });
    expect(badChannel.status).toBe(400);
    expect((await badChannel.json()).error.code).toBe("validation_failed");
    const unknownFunnel = await call("POST", "/api/lead-sources", {
      channel: "web_form",
      name: "F",
      funnelId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknownFunnel.status).toBe(404);
    const lost = h.funnel.stages.find((s) => s.kind === "lost")!;
    const outcome = await call("POST", "/api/lead-sources", {
      channel: "web_form",
      name: "F",
      stageId: lost.id,
    });
    expect(outcome.status).toBe(400);
    const badRedirect = await call("POST", "/api/lead-sources", {
      channel: "web_form",
      name: "F",
      settings: { redirectUrl: "javascript:alert(1)" },
    });
    expect(badRedirect.status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe("POST /api/leads", () => {
  it("captures a lead with contact fields, UTM and an external id; a resend is one lead", async () => {
    const body = {
      externalId: "crm-42",
      name: "Pavel Sidorov",
      email: "pavel@example.com",
      phone: "8 (912) 000-00-01",
      message: "Corporate party, 80 people",
      utm: { source: "partner", medium: "referral", campaign: "q2" },
    };
    const res = await call("POST", "/api/leads", body);
    expect(res.status).toBe(201);
    const first = await res.json();
    expect(first).toMatchObject({ duplicate: false, lead: { channel: "api" } });
    expect(first.placement).toEqual({ funnelId: h.funnel.id, stageId: h.funnel.stages[0]!.id });
    const contact = await h.contactBy("email", "pavel@example.com");
    expect(contact).toMatchObject({ name: "Pavel Sidorov", phone: "89120000001", source: "api" });
    const [event] = await h.leadEvents(contact!.id);
    expect(event?.properties).toMatchObject({
      channel: "api",
      message: "Corporate party, 80 people",
      utm_source: "partner",
      utm_campaign: "q2",
    });
    const again = await call("POST", "/api/leads", body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, lead: { id: first.lead.id } });
    expect(await h.leadEvents(contact!.id)).toHaveLength(1);
  });

  it("puts the contact into the given stage, once: a second lead does not move it", async () => {
    const contract = h.funnel.stages[2]!;
    const res = await call("POST", "/api/leads", {
      email: "vip@example.com",
      stageId: contract.id,
      channel: "chat",
    });
    expect(res.status).toBe(201);
    const contact = await h.contactBy("email", "vip@example.com");
    expect((await h.stageOf(contact!.id)).stageId).toBe(contract.id);
    const second = await (await call("POST", "/api/leads", { email: "vip@example.com" })).json();
    expect(second.placement).toBeNull();
    const stage = await h.stageOf(contact!.id);
    expect(stage.stageId).toBe(contract.id);
    expect(stage.moves).toHaveLength(1);
    expect(contact?.source).toBe("chat");
  });

  it("a lead with no way to reach the person, or a bad target, is refused", async () => {
    const empty = await call("POST", "/api/leads", { name: "Nobody" });
    expect(empty.status).toBe(400);
    const badPhone = await call("POST", "/api/leads", { phone: "12" });
    expect(badPhone.status).toBe(400);
    const unknownStage = await call("POST", "/api/leads", {
      email: "x@example.com",
      stageId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknownStage.status).toBe(404);
    expect(await h.contactBy("email", "x@example.com")).toBeUndefined();
  });
});
