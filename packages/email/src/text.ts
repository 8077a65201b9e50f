import { convert } from "html-to-text";

const OPTIONS = {
  wordwrap: 78,
  selectors: [
    { selector: "img", format: "skip" },
    { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
    // MJML lays out with tables; their cells are paragraphs to a reader of plain text.
    { selector: "table", format: "block" },
    { selector: "tr", format: "block" },
    { selector: "td", format: "block" },
  ],
};

/** The plain-text part of an email, from its HTML. */
export function htmlToText(html: string): string {
  return tidyText(convert(html, OPTIONS));
}

/** At most one empty line in a row, none at the ends. */
export function tidyText(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n").trim();
}
