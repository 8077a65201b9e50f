import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LeadHarness, leadHarness } from "./test-support.ts";

let h: LeadHarness;
beforeAll(async () => {
  h = await leadHarness();
});
afterAll(() => h.database.drop());

describe("web-form field labels", () => {
  it("puts the chosen labels on the site (script and plain form), as text only", async () => {
    const source = await h.createSource({
      channel: "web_form",
      name: "Сайт",
      settings: {
        fields: ["name", "phone"],
        labels: { name: "Ваше имя", phone: "Телефон <b>сотовый</b>" },
      },
    });
    expect(source.embed?.htmlFormSnippet).toContain('<label>Ваше имя <input name="name"');
    expect(source.embed?.htmlFormSnippet).toContain(
      "<label>Телефон &lt;b&gt;сотовый&lt;/b&gt; <input",
    );
    const script = await (
      await h.app.request(new URL(source.embed?.scriptUrl ?? "").pathname)
    ).text();
    expect(script).toContain('"name":"Ваше имя"');
    expect(script).toContain("Телефон \\u003cb>сотовый\\u003c/b>");
    expect(script).not.toContain("<b>");
  });

  it("keeps the English defaults when no labels are set, and refuses an empty label", async () => {
    const plain = await h.createSource({ channel: "web_form", name: "Site" });
    expect(plain.embed?.htmlFormSnippet).toContain("<label>Email <input");
    await expect(
      h.createSource({ channel: "web_form", name: "Bad", settings: { labels: { name: " " } } }),
    ).rejects.toThrow(/400/);
  });
});
