import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  hashIdentifiers,
  normalizeEmail,
  normalizeGoogleEmail,
  normalizePhoneDigits,
  normalizePhoneE164,
} from "./normalize.ts";

const sha = (v: string) => createHash("sha256").update(v).digest("hex");

describe("normalization and hashing", () => {
  it("emails: trimmed and lowercased; Google also drops gmail dots", () => {
    expect(normalizeEmail("  John.Doe@Example.COM ")).toBe("john.doe@example.com");
    expect(normalizeEmail("not an email")).toBeUndefined();
    expect(normalizeGoogleEmail(" Jane.Doe@GMail.com")).toBe("janedoe@gmail.com");
    expect(normalizeGoogleEmail("jane.doe@example.com")).toBe("jane.doe@example.com");
  });

  it("phones: E.164 digits with country code; Russian 8-prefix becomes 7; Google keeps +", () => {
    expect(normalizePhoneDigits("+7 (999) 123-45-67")).toBe("79991234567");
    expect(normalizePhoneDigits("8 999 123 45 67")).toBe("79991234567");
    expect(normalizePhoneDigits("0049 30 1234567")).toBe("49301234567");
    expect(normalizePhoneDigits("+1 650-555-1212")).toBe("16505551212");
    expect(normalizePhoneDigits("12-34")).toBeUndefined();
    expect(normalizePhoneE164("8 (999) 123-45-67")).toBe("+79991234567");
  });

  it("hashes per platform as documented (SHA-256 hex of the normalized value)", () => {
    const c = { email: " Jane.Doe@Gmail.com ", phone: "+7 999 123-45-67" };
    expect(hashIdentifiers("meta", c)).toEqual({
      email: sha("jane.doe@gmail.com"),
      phone: sha("79991234567"),
    });
    expect(hashIdentifiers("google", c)).toEqual({
      email: sha("janedoe@gmail.com"),
      phone: sha("+79991234567"),
    });
    expect(hashIdentifiers("yandex", c)).toEqual(hashIdentifiers("meta", c));
    expect(hashIdentifiers("vk", { email: null, phone: "garbage" })).toEqual({});
  });
});
