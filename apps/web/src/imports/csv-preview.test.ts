import { describe, expect, it } from "vitest";
import { guessDelimiter, previewCsv } from "./csv-preview.ts";

describe("previewCsv", () => {
  it("reads the header and the first rows, with quotes, doubled quotes and CRLF", () => {
    const csv =
      '\uFEFFE-mail,Name,Note\r\na@x.co,"Ivanova, Anna","say ""hi"""\r\nb@x.co,Boris,"two\nlines"\r\n';
    expect(previewCsv(csv)).toEqual({
      delimiter: ",",
      header: ["E-mail", "Name", "Note"],
      rows: [
        ["a@x.co", "Ivanova, Anna", 'say "hi"'],
        ["b@x.co", "Boris", "two\nlines"],
      ],
    });
  });

  it("stops after the rows it needs and skips blank lines", () => {
    const csv = ["email", "", ...Array.from({ length: 100 }, (_, i) => `p${i}@x.co`)].join("\n");
    const preview = previewCsv(csv, 3);
    expect(preview.rows).toEqual([["p0@x.co"], ["p1@x.co"], ["p2@x.co"]]);
  });

  it("guesses semicolons and tabs", () => {
    expect(guessDelimiter("email;phone;name")).toBe(";");
    expect(guessDelimiter("email\tphone")).toBe("\t");
    expect(previewCsv("email;name\na@x.co;Anna").rows).toEqual([["a@x.co", "Anna"]]);
  });
});
