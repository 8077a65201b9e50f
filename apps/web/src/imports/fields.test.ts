import { describe, expect, it } from "vitest";
import { customKey, guessColumn } from "./fields.ts";

describe("guessing what a CSV column holds", () => {
  it("recognises common headers", () => {
    expect(guessColumn("E-mail")).toBe("email");
    expect(guessColumn("Email address")).toBe("email");
    expect(guessColumn("Mobile")).toBe("phone");
    expect(guessColumn("First name")).toBe("firstName");
    expect(guessColumn("Surname")).toBe("lastName");
    expect(guessColumn("Date of birth")).toBe("birthday");
    expect(guessColumn("Time zone")).toBe("timeZone");
  });

  it("keeps anything else as a custom property, and skips unnamed columns", () => {
    expect(guessColumn("Wedding date")).toBe("custom");
    expect(guessColumn("")).toBe("skip");
    expect(customKey("Wedding date", 0)).toBe("traits.wedding_date");
    expect(customKey("Гости", 3)).toBe("traits.column_4");
  });
});
