import { describe, expect, it } from "vitest";
import { credentialKey, decryptSecret, encryptSecret } from "./secret-box.ts";

const config = { VORONKA_SECRET: "s".repeat(40), VORONKA_DATA_DIR: "/nonexistent" };

describe("secret box", () => {
  it("round-trips, never stores the plain text, and refuses another key or an altered text", () => {
    const key = credentialKey(config);
    const sealed = encryptSecret("EAAB-token-123", key);
    expect(sealed).not.toContain("EAAB");
    expect(sealed).not.toBe(encryptSecret("EAAB-token-123", key));
    expect(decryptSecret(sealed, key)).toBe("EAAB-token-123");
    const other = credentialKey({ ...config, VORONKA_SECRET: "t".repeat(40) });
    expect(() => decryptSecret(sealed, other)).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("EAAB-token-124").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
  });
});
