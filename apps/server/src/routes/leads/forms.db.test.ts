import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders } from "../../../../../test/support/app.ts";
import { type CreatedSource, type LeadHarness, leadHarness } from "./test-support.ts";

let h: LeadHarness;
let form: CreatedSource;
let redirecting: CreatedSource;
let ipCounter = 0;
/** A fresh client address per test, so the rate limit of one test does not leak into another. */
const ip = () => `203.0.113.${++ipCounter}`;

beforeAll(async () => {
  h = await leadHarness();
  form = await h.createSource({
    channel: "web_form",
    name: "Contact form",
    funnelId: h.funnel.id,
    settings: {
      thankYouText: "Thanks — the manager calls you within an hour.",
      title: "Book a visit",
    },
  });
  redirecting = await h.createSource({
    channel: "web_form",
    name: "Landing",
    settings: { redirectUrl: "https://hall.example.com/thanks" },
  });
});
afterAll(() => h.database.drop());

const browserForm = (fields: Record<string, string>, extra: Record<string, string> = {}) => ({
  method: "POST",
  headers: {
    "content-type": "application/x-www-form-urlencoded",
    accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    referer:
      "https://hall.example.com/weddings?utm_source=google&utm_medium=cpc&utm_campaign=weddings",
    "x-forwarded-for": ip(),
    ...extra,
  },
  body: new URLSearchParams(fields).toString(),
});

describe("web form", () => {
  it("the create response carries the snippet to paste, and embed.js renders the form", async () => {
    expect(form.endpoint?.path).toBe(`/v1/leads/forms/${form.publicId}`);
    expect(form.embed?.snippet).toContain(`id="voronka-form-${form.publicId}"`);
    expect(form.embed?.snippet).toContain(`/v1/leads/forms/${form.publicId}/embed.js`);
    expect(form.embed?.htmlFormSnippet).toContain('name="website"');
    const script = await h.app.request(`/v1/leads/forms/${form.publicId}/embed.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    const text = await script.text();
    expect(text).toContain("Book a visit");
    expect(text).toContain("submission_id");
    expect(() => new Function(text)).not.toThrow();
    expect((await h.app.request("/v1/leads/forms/unknown/embed.js")).status).toBe(404);
  });

  it("answers the CORS preflight for any site", async () => {
    const res = await h.app.request(`/v1/leads/forms/${form.publicId}`, {
      method: "OPTIONS",
      headers: {
        origin: "https://hall.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      "content-type",
    );
  });

  it("a plain HTML form post gets the thank-you page; UTM comes from the Referer", async () => {
    const res = await h.app.request(
      `/v1/leads/forms/${form.publicId}`,
      browserForm({
        name: "Olga Petrova",
        email: "Olga@Example.com",
        phone: "+7 999 000-11-22",
        message: "50 guests, June",
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("Thanks — the manager calls you within an hour.");
    const contact = await h.contactBy("email", "olga@example.com");
    expect(contact).toMatchObject({
      name: "Olga Petrova",
      email: "olga@example.com",
      phone: "+79990001122",
      source: "web_form",
    });
    const [event] = await h.leadEvents(contact!.id);
    expect(event?.properties).toMatchObject({
      channel: "web_form",
      sourceName: "Contact form",
      message: "50 guests, June",
      utm_source: "google",
      utm_medium: "cpc",
      utm_campaign: "weddings",
    });
    const stage = await h.stageOf(contact!.id);
    expect(stage.stageId).toBe(h.funnel.stages[0]!.id);
    expect(stage.moves).toMatchObject([{ cause: "lead" }]);
  });

  it("a double-posted plain form is one lead", async () => {
    const fields = { name: "Ivan", phone: "+7 916 555-44-33", message: "Call me" };
    await h.app.request(`/v1/leads/forms/${form.publicId}`, browserForm(fields));
    const before = await h.counts();
    const again = await h.app.request(`/v1/leads/forms/${form.publicId}`, browserForm(fields));
    expect(again.status).toBe(200);
    expect(await h.counts()).toEqual(before);
  });

  it("fetch posts JSON and gets JSON; page_url UTM wins; a retried submission_id is one lead", async () => {
    const body = {
      name: "Anna",
      email: "anna@example.com",
      page_url: "https://hall.example.com/?utm_source=vk&utm_campaign=autumn",
      utm_medium: "social",
      submission_id: "9a0f7c52-3b1e-4a54-9c1d-2f0a0c3e9b11",
    };
    const send = () =>
      h.app.request(`/v1/leads/forms/${form.publicId}`, {
        method: "POST",
        headers: {
          ...jsonHeaders,
          accept: "application/json",
          origin: "https://hall.example.com",
          "x-forwarded-for": ip(),
        },
        body: JSON.stringify(body),
      });
    const res = await send();
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({ success: true, duplicate: false });
    expect(await (await send()).json()).toEqual({ success: true, duplicate: true });
    const contact = await h.contactBy("email", "anna@example.com");
    const events = await h.leadEvents(contact!.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.properties).toMatchObject({
      utm_source: "vk",
      utm_medium: "social",
      utm_campaign: "autumn",
    });
  });

  it("a filled honeypot looks successful and stores nothing", async () => {
    const before = await h.counts();
    const res = await h.app.request(
      `/v1/leads/forms/${form.publicId}`,
      browserForm({ name: "Bot", email: "bot@spam.example", website: "http://spam.example" }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Thanks");
    expect(await h.counts()).toEqual(before);
    expect(await h.contactBy("email", "bot@spam.example")).toBeUndefined();
  });

  it("a form with a redirect URL answers a browser post with 303", async () => {
    const res = await h.app.request(
      `/v1/leads/forms/${redirecting.publicId}`,
      browserForm({ email: "redirect@example.com" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://hall.example.com/thanks");
  });

  it("no email or phone: 400, as JSON to fetch and as a page to a browser; nothing stored", async () => {
    const before = await h.counts();
    const json = await h.app.request(`/v1/leads/forms/${form.publicId}`, {
      method: "POST",
      headers: { ...jsonHeaders, "x-forwarded-for": ip() },
      body: JSON.stringify({ name: "Nobody", email: "not-an-email" }),
    });
    expect(json.status).toBe(400);
    expect((await json.json()).error.code).toBe("validation_failed");
    const page = await h.app.request(
      `/v1/leads/forms/${form.publicId}`,
      browserForm({ name: "Nobody" }),
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("email address or a phone number");
    const bad = await h.app.request(`/v1/leads/forms/${form.publicId}`, {
      method: "POST",
      headers: { ...jsonHeaders, "x-forwarded-for": ip() },
      body: "{",
    });
    expect(bad.status).toBe(400);
    expect(await h.counts()).toEqual(before);
  });

  it("rate-limits one address on one form: 429 envelope after the burst", async () => {
    const address = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await h.app.request(`/v1/leads/forms/${form.publicId}`, {
        method: "POST",
        headers: { ...jsonHeaders, "x-forwarded-for": address },
        body: JSON.stringify({ email: `burst${i}@example.com`, submission_id: `burst-${i}` }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect((await res.json()).error.code).toBe("rate_limited");
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const [row] = await h.q<{ n: number }>(
      "select count(*)::int as n from contact_identities where value like 'burst%'",
    );
    expect(row?.n).toBe(10);
    // Another address is not affected.
    const other = await h.app.request(`/v1/leads/forms/${form.publicId}`, {
      method: "POST",
      headers: { ...jsonHeaders, "x-forwarded-for": ip() },
      body: JSON.stringify({ email: "other@example.com" }),
    });
    expect(other.status).toBe(200);
  });

  it("an unknown form id is a 404", async () => {
    const res = await h.app.request("/v1/leads/forms/does-not-exist", {
      method: "POST",
      headers: jsonHeaders,
      body: JSON.stringify({ email: "x@example.com" }),
    });
    expect(res.status).toBe(404);
  });
});
