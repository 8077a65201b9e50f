import { describe, expect, it } from "vitest";
import { linkUrl, signClaim, verifyToken } from "./links.ts";

const secret = "s".repeat(40);
const claim = {
  a: "c" as const,
  w: "7d1c3e0e-9a3c-4a43-9d0b-2f8a4b5b6c7d",
  c: "0b8f3c1e-2d4a-4e5f-8a9b-1c2d3e4f5a6b",
  k: "enr:mail:1:send",
  u: "https://shop.example/?a=1",
};

describe("signed links", () => {
  it("round-trips a claim", () => {
    expect(verifyToken(secret, signClaim(secret, claim))).toEqual(claim);
    expect(linkUrl("https://v.test/", secret, claim)).toMatch(
      /^https:\/\/v\.test\/e\/c\/[\w-]+\.[\w-]+$/,
    );
  });

  it("rejects a changed claim, a changed signature, another secret and garbage", () => {
    const token = signClaim(secret, claim);
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claim, u: "https://evil.example/" })).toString(
      "base64url",
    );
    expect(verifyToken(secret, `${forged}.${sig}`)).toBeNull();
    expect(verifyToken(secret, `${body}.${sig?.slice(0, -2)}AA`)).toBeNull();
    expect(verifyToken("t".repeat(40), token)).toBeNull();
    expect(verifyToken(secret, "nonsense")).toBeNull();
    expect(verifyToken(secret, `${token}.x`)).toBeNull();
  });

  it("refuses a signed claim whose target is not http(s)", () => {
    const token = signClaim(secret, { ...claim, u: "javascript:alert(1)" });
    expect(verifyToken(secret, token)).toBeNull();
  });
});
