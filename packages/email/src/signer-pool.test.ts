import { createPublicKey, verify } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { generateDkimKey } from "./dkim.ts";
import { closeSigners, rsaSha256Sign } from "./signer-pool.ts";

afterAll(() => closeSigners());

describe("rsaSha256Sign (signer threads)", () => {
  it("answers every request with its own signature, for several keys at once", async () => {
    const keys = [generateDkimKey(), generateDkimKey()];
    const requests = Array.from({ length: 300 }, (_, i) => ({
      key: keys[i % 2] ?? keys[0],
      data: `header block ${i} — ünïcode`,
    }));
    const signatures = await Promise.all(
      requests.map((r) => rsaSha256Sign(r.key?.privateKeyPem ?? "", r.data)),
    );
    signatures.forEach((sig, i) => {
      const r = requests[i];
      const pub = createPublicKey({
        key: Buffer.from(r?.key?.publicKey ?? "", "base64"),
        format: "der",
        type: "spki",
      });
      expect(verify("sha256", Buffer.from(r?.data ?? ""), pub, Buffer.from(sig, "base64"))).toBe(
        true,
      );
    });
    // Signed with the other key, the same data does not verify.
    const other = createPublicKey({
      key: Buffer.from(keys[1]?.publicKey ?? "", "base64"),
      format: "der",
      type: "spki",
    });
    expect(
      verify(
        "sha256",
        Buffer.from(requests[0]?.data ?? ""),
        other,
        Buffer.from(signatures[0] ?? "", "base64"),
      ),
    ).toBe(false);
  });

  it("a bad key fails its own request only", async () => {
    const good = generateDkimKey();
    const [bad, ok] = await Promise.allSettled([
      rsaSha256Sign("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----", "x"),
      rsaSha256Sign(good.privateKeyPem, "x"),
    ]);
    expect(bad.status).toBe("rejected");
    expect(ok.status).toBe("fulfilled");
  });
});
