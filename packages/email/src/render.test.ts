import { describe, expect, it } from "vitest";
import { type RenderContext, renderEmail, validateTemplate } from "./render.ts";
import { htmlToText } from "./text.ts";

const contact = (over: Partial<RenderContext["contact"]> = {}): RenderContext["contact"] => ({
  id: "c1",
  email: "ann@example.com",
  firstName: "Ann",
  lastName: null,
  name: null,
  phone: null,
  city: null,
  country: null,
  traits: {},
  ...over,
});

const source = (mjml: string, subject = "Hi {{ contact.firstName }}") => ({
  cacheKey: `test:${mjml}:${subject}`,
  subject,
  preheader: "For {{ contact.firstName }}",
  mjml,
});

const body = (inner: string) =>
  `<mjml><mj-body><mj-section><mj-column><mj-text>${inner}</mj-text></mj-column></mj-section></mj-body></mjml>`;

describe("renderEmail", () => {
  it("escapes a personal field containing <script> in the HTML, preheader and traits", async () => {
    const evil = "<script>alert(1)</script>";
    const out = await renderEmail(
      source(body("Hello {{ contact.firstName }} {{ contact.traits.note }}")),
      {
        contact: contact({ firstName: evil, traits: { note: '"><img src=x onerror=alert(2)>' } }),
        vars: {},
        unsubscribeUrl: "https://x.test/u",
      },
    );
    expect(out.html).not.toContain("<script>alert(1)</script>");
    expect(out.html).not.toContain("<img src=x");
    expect(out.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out.html).toContain("&#34;&gt;&lt;img src=x onerror=alert(2)&gt;");
    // The subject is a header, not HTML: it keeps the text as typed (newlines removed).
    expect(out.subject).toBe(`Hi ${evil}`);
    expect(out.text).toContain("Hello <script>alert(1)</script>");
  });

  it("personalises subject, preheader and body, and generates the plain-text part", async () => {
    const out = await renderEmail(
      source(body('Code {{ vars.promo }} — <a href="https://shop.example/x">shop</a>')),
      { contact: contact(), vars: { promo: "SAVE10" }, unsubscribeUrl: "https://x.test/u" },
    );
    expect(out.subject).toBe("Hi Ann");
    expect(out.preheader).toBe("For Ann");
    expect(out.html).toContain("Code SAVE10");
    expect(out.html).toMatch(/<body[^>]*><div style="display:none[^"]*">For Ann<\/div>/);
    expect(out.text).toContain("Code SAVE10");
    expect(out.text).toContain("shop [https://shop.example/x]");
    expect(out.text).not.toContain("<");
  });

  it("uses the subject override of the journey node", async () => {
    const out = await renderEmail(
      source(body("x")),
      { contact: contact(), vars: {}, unsubscribeUrl: "u" },
      {
        subjectOverride: "Last chance, {{ contact.firstName }}",
      },
    );
    expect(out.subject).toBe("Last chance, Ann");
  });
});

describe("plain-text part", () => {
  it("has the same words per contact as converting each rendered HTML, with conditions and loops", async () => {
    const mjml = body(
      '{% if contact.city %}Greetings from {{ contact.city }}{% else %}Hello{% endif %}, {{ contact.firstName }}! {% for i in (1..2) %}[{{ i }}]{% endfor %} <a href="{{ vars.link }}">Open</a>',
    );
    for (const c of [contact({ city: "Riga" }), contact({ firstName: "Bo & <Co>" })]) {
      const out = await renderEmail(source(mjml), {
        contact: c,
        vars: { link: "https://shop.example/a?b=1&c=2" },
        unsubscribeUrl: "https://x.test/u",
      });
      // Word wrapping may fall differently (placeholders are not as long as values).
      const words = (t: string) => t.replace(/\s+/g, " ");
      expect(words(out.text)).toBe(words(htmlToText(out.html)));
    }
  });

  it("falls back to converting the HTML when Liquid sits where text conversion drops it", async () => {
    const mjml =
      "<mjml><mj-head><mj-title>{% if contact.firstName %}For {{ contact.firstName }}{% endif %}</mj-title></mj-head><mj-body><mj-section><mj-column><mj-text>Hi {{ contact.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>";
    const out = await renderEmail(source(mjml), {
      contact: contact(),
      vars: {},
      unsubscribeUrl: "u",
    });
    expect(out.text).toContain("Hi Ann");
    expect(out.text).not.toMatch(/zqvkliquid|\{\{|\{%/i);
  });
});

describe("validateTemplate", () => {
  it("reports MJML and Liquid errors with their lines", async () => {
    const issues = await validateTemplate({
      subject: "Hi {{ contact.firstName ",
      preheader: "",
      mjml: "<mjml>\n<mj-body>\n<mj-section><mj-column><mj-unknown>x</mj-unknown></mj-column></mj-section>\n</mj-body>\n</mjml>",
    });
    expect(issues).toContainEqual(expect.objectContaining({ path: "subject" }));
    expect(issues).toContainEqual(expect.objectContaining({ path: "mjml", line: 3 }));
  });

  it("reports an include of an unknown partial on its line, and errors inside a partial on the include's line", async () => {
    const mjml =
      '<mjml>\n<mj-body>\n<mj-include path="header" />\n<mj-include path="footer" />\n</mj-body>\n</mjml>';
    const partials = new Map([
      [
        "footer",
        {
          version: 1,
          mjml: "<mj-section>\n<mj-column><mj-bogus>x</mj-bogus></mj-column>\n</mj-section>",
        },
      ],
    ]);
    const issues = await validateTemplate({ subject: "x", preheader: "", mjml }, partials);
    expect(issues).toContainEqual({
      path: "mjml",
      line: 3,
      message: "There is no partial named “header”.",
    });
    expect(issues).toContainEqual(expect.objectContaining({ path: "mjml", line: 4 }));
  });

  it("accepts a valid template", async () => {
    expect(await validateTemplate({ subject: "Hi", preheader: "", mjml: body("x") })).toEqual([]);
  });
});
