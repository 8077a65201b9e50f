import { describe, expect, it } from "vitest";
import { type RenderContext, renderEmail, validateTemplate } from "./render.ts";

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

  it("accepts a valid template", async () => {
    expect(await validateTemplate({ subject: "Hi", preheader: "", mjml: body("x") })).toEqual([]);
  });
});
