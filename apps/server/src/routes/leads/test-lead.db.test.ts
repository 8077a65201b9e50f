import { createFunnel } from "@voronka/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, jsonHeaders } from "../../../../../test/support/app.ts";
import { createTenant, type TestTenant } from "../../../../../test/support/fixtures.ts";
import { TEST_PERSON } from "./test-lead-samples.ts";
import { type CreatedSource, type LeadHarness, leadHarness } from "./test-support.ts";

let h: LeadHarness;
let globex: TestTenant;

beforeAll(async () => {
  h = await leadHarness();
  globex = await createTenant(h.database.db, "Globex");
  await createFunnel(h.database.db, globex.workspaceId, { name: "Globex sales", stages: ["New"] });
});
afterAll(() => h.database.drop());

const sendTest = (source: { id: string }, key = h.tenant.secretKey) =>
  h.app.request(`/api/lead-sources/${source.id}/test-lead`, {
    method: "POST",
    headers: { ...bearer(key), ...jsonHeaders },
  });

interface Outcome {
  leadId: string;
  contactId: string;
  contactName: string | null;
  placement: { funnelId: string; stageId: string } | null;
  webhookStatus: number;
}

describe("POST /api/lead-sources/{id}/test-lead", () => {
  it("sends a Telegram update through the bot's webhook: a Test Lead contact in the chosen stage", async () => {
    const offerSent = h.funnel.stages[1]!;
    const source = await h.createSource({
      channel: "telegram",
      name: "Banquet bot",
      funnelId: h.funnel.id,
      stageId: offerSent.id,
    });
    const res = await sendTest(source);
    expect(res.status).toBe(200);
    const outcome = (await res.json()) as Outcome; // the shape under test, checked field by field
    const contact = await h.contactBy("telegram", String(TEST_PERSON.telegramChatId));
    expect(contact).toMatchObject({ id: outcome.contactId, name: "Test Lead", source: "telegram" });
    expect(outcome).toMatchObject({
      contactName: "Test Lead",
      placement: { funnelId: h.funnel.id, stageId: offerSent.id },
      webhookStatus: 200,
    });
    const [lead] = await h.q<{ id: string; source_id: string; channel: string }>(
      "select id, source_id, channel from leads where id = $1",
      [outcome.leadId],
    );
    expect(lead).toEqual({ id: outcome.leadId, source_id: source.id, channel: "telegram" });
    const [event] = await h.leadEvents(outcome.contactId);
    expect(event?.properties).toMatchObject({ sourceName: "Banquet bot", leadId: outcome.leadId });

    // A second test is a new lead of the same contact, which keeps its stage.
    const again = (await (await sendTest(source)).json()) as Outcome;
    expect(again.leadId).not.toBe(outcome.leadId);
    expect(again.contactId).toBe(outcome.contactId);
    expect(again.placement).toBeNull();

    // The list and the source itself count both leads of the last 30 days.
    const list = await h.app.request("/api/lead-sources", { headers: bearer(h.tenant.secretKey) });
    const listed = ((await list.json()) as { data: Array<{ id: string; recentLeads: unknown }> })
      .data; // the shape under test
    const recent = listed.find((s) => s.id === source.id)?.recentLeads;
    expect(recent).toMatchObject({ days: 30, count: 2 });
    const one = await h.app.request(`/api/lead-sources/${source.id}`, {
      headers: bearer(h.tenant.secretKey),
    });
    expect((await one.json()).recentLeads).toEqual(recent);
  });

  it("signs WhatsApp, Viber and call-tracking samples with the source's secret and stores each", async () => {
    const sources: Array<[CreatedSource, string, string]> = [
      [
        await h.createSource({ channel: "whatsapp", name: "WA", secret: "meta-app-secret-1" }),
        "whatsapp",
        TEST_PERSON.waId,
      ],
      [
        await h.createSource({ channel: "viber", name: "Viber", secret: "viber-auth-token-1" }),
        "viber",
        TEST_PERSON.viberId,
      ],
      [
        await h.createSource({ channel: "call_tracking", name: "Calls" }),
        "phone",
        TEST_PERSON.phone,
      ],
      [
        await h.createSource({ channel: "web_form", name: "Site", funnelId: h.funnel.id }),
        "email",
        TEST_PERSON.email,
      ],
    ];
    for (const [source, kind, value] of sources) {
      const res = await sendTest(source);
      expect(res.status, `${kind}: ${await res.clone().text()}`).toBe(200);
      const outcome = (await res.json()) as Outcome;
      expect((await h.contactBy(kind, value))?.id).toBe(outcome.contactId);
      expect(outcome.contactName).toBe("Test Lead");
    }
  });

  it("reports a source whose stored secret no longer matches as a 409, and stores nothing", async () => {
    const source = await h.createSource({ channel: "viber", name: "Broken", secret: "token-aaaa" });
    // No secret left to sign with: the webhook refuses every delivery (as after a bad edit).
    await h.q("update lead_sources set secret = null where id = $1", [source.id]);
    const before = await h.counts();
    const res = await sendTest(source);
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toMatch(/X-Viber-Content-Signature/);
    expect(await h.counts()).toEqual(before);
  });

  it("is a 400 for an API source, a 404 for another workspace's key, and a 401 without one", async () => {
    const api = await h.createSource({ channel: "api", name: "CRM import" });
    const res = await sendTest(api);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("validation_failed");

    const bot = await h.createSource({ channel: "telegram", name: "Acme bot" });
    const before = await h.counts();
    const foreign = await sendTest(bot, globex.secretKey);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("Acme bot");
    const anonymous = await h.app.request(`/api/lead-sources/${bot.id}/test-lead`, {
      method: "POST",
    });
    expect(anonymous.status).toBe(401);
    expect(await h.counts()).toEqual(before);
    const [globexLeads] = await h.q<{ n: number }>(
      "select count(*)::int as n from leads where workspace_id = $1",
      [globex.workspaceId],
    );
    expect(globexLeads?.n).toBe(0);
  });
});
