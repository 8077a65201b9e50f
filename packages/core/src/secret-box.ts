import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { type Config, loadConfig } from "./config.ts";
import { serverSecret } from "./secret.ts";

const VERSION = "v1";

/**
 * The 256-bit key that encrypts outbound credentials at rest, derived from the server secret
 * with HKDF-SHA256 and a purpose label, so it differs from the key that signs email links.
 */
export function credentialKey(
  config: Pick<Config, "VORONKA_SECRET" | "VORONKA_DATA_DIR"> = loadConfig(),
  purpose = "voronka/credentials",
): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret(config), "voronka", purpose, 32));
}

/**
 * Encrypts a secret for storage: AES-256-GCM with a random 96-bit nonce. The result is a
 * self-describing string `v1.<nonce>.<tag>.<ciphertext>` (base64url parts).
 */
export function encryptSecret(plain: string, key: Buffer = credentialKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Decrypts `encryptSecret` output; throws when the key is wrong or the text was altered. */
export function decryptSecret(sealed: string, key: Buffer = credentialKey()): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) {
    throw new Error("not an encrypted secret");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}
