import type { LeadSource } from "@voronka/contract";
import { describe, expect, it } from "vitest";
import { draftOf, draftProblem, settingsOf } from "./draft.ts";

const saved: LeadSource = {
  id: "6f1c2b9e-8a61-4a53-9a8f-6f4d3c2b1a00",
  publicId: "abc",
  channel: "web_form",
  name: "Site",
  funnelId: null,
  stageId: null,
  settings: { title: "Book a tour" },
  hasSecret: false,
  createdAt: "2026-11-26T00:00:00.000Z",
  endpoint: null,
  embed: null,
};

describe("lead source drafts", () => {
  it("a saved form without a field list shows all four fields, as its site does", () => {
    const draft = draftOf(saved, "web_form");
    expect(draft.rows.filter((r) => r.shown).map((r) => r.field)).toEqual([
      "name",
      "email",
      "phone",
      "message",
    ]);
    // Emptied texts and labels are left out, so the site shows its defaults.
    expect(settingsOf({ ...draft, title: "  " }, "web_form")).toEqual({
      fields: ["name", "email", "phone", "message"],
      labels: undefined,
      title: undefined,
      buttonText: undefined,
      thankYouText: undefined,
      redirectUrl: undefined,
    });
  });

  it("a new form starts with three fields and the texts of the UI's language", () => {
    const draft = draftOf(null, "web_form");
    expect(draft.rows.filter((r) => r.shown).map((r) => r.field)).toEqual([
      "name",
      "email",
      "phone",
    ]);
    expect(settingsOf(draft, "web_form")).toMatchObject({
      buttonText: "Send",
      labels: { name: "Name", email: "Email", phone: "Phone", message: "Message" },
    });
  });

  it("says what to fix before saving", () => {
    const form = draftOf(null, "web_form");
    expect(draftProblem({ ...form, name: " " }, "web_form", true)).toMatch(/name/);
    expect(draftProblem({ ...form, redirectUrl: "thanks.html" }, "web_form", true)).toMatch(
      /https:/,
    );
    const wa = draftOf(null, "whatsapp");
    expect(draftProblem(wa, "whatsapp", true)).toMatch(/8 characters/);
    // Editing: an empty secret keeps the stored one.
    expect(draftProblem(wa, "whatsapp", false)).toBeNull();
    const tg = { ...draftOf(null, "telegram"), botUsername: "@my bot" };
    expect(draftProblem(tg, "telegram", true)).toMatch(/Letters, digits/);
    expect(settingsOf({ ...tg, botUsername: "@aurora_bot" }, "telegram")).toEqual({
      botUsername: "aurora_bot",
    });
  });
});
