import mjml2html from "mjml";
import { describe, expect, it } from "vitest";
import { renderEmail, validateTemplate } from "./render.ts";
import { STARTERS } from "./starters.ts";

const contact = {
  id: "c1",
  email: "anna@example.com",
  firstName: "Anna",
  lastName: null,
  name: null,
  phone: null,
  city: null,
  country: null,
  traits: {},
};

describe("starter templates", () => {
  it("cover every stage of the kits", () => {
    expect(STARTERS.map((s) => s.id)).toEqual([
      "welcome",
      "offer",
      "presentation-reminder",
      "contract-discount",
      "payment-thank-you",
      "event-photo-report",
      "abandoned-cart",
      "win-back",
    ]);
  });

  it.each(STARTERS.map((s) => [s.id, s] as const))(
    "%s compiles with no MJML error (strict) and renders personalised",
    async (_id, s) => {
      const strict = await mjml2html(s.mjml, { validationLevel: "strict" });
      expect(strict.errors).toEqual([]);
      expect(await validateTemplate(s)).toEqual([]);
      const vars = Object.fromEntries(s.vars.map((v) => [v, `«${v}»`]));
      const out = await renderEmail(
        { ...s, cacheKey: `starter-test:${s.id}` },
        { contact, vars, unsubscribeUrl: "https://x.test/e/u/t" },
      );
      expect(out.subject).not.toMatch(/[{}]/);
      expect(out.html).toContain("Anna");
      expect(out.html).not.toMatch(/\{\{|\{%/);
      for (const v of s.vars) expect(out.html).toContain(`«${v}»`);
      expect(out.html).toContain('href="https://x.test/e/u/t"');
      // Responsive: MJML's media query that stacks columns on narrow screens.
      expect(out.html).toMatch(/@media only screen and \(min-width:480px\)/);
      expect(out.text).toContain("Anna");
      expect(out.text).not.toMatch(/\{\{|\{%/);
    },
  );

  it("render sensible defaults when the journey passes no values", async () => {
    for (const s of STARTERS) {
      const out = await renderEmail(
        { ...s, cacheKey: `starter-test-empty:${s.id}` },
        { contact: { ...contact, firstName: null }, vars: {}, unsubscribeUrl: "https://x.test/u" },
      );
      expect(out.html).toContain("Our team");
      expect(out.subject).not.toMatch(/^\s*[,!]|\s{2,}/);
    }
  });
});
