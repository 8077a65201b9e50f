import { generateKeyPairSync } from "node:crypto";

/** A DKIM key pair: the private key signs, the public key is published in DNS. */
export interface DkimKeyPair {
  privateKeyPem: string;
  /** Base64 DER (SubjectPublicKeyInfo), the `p=` of the TXT record. */
  publicKey: string;
}

/** Generates an RSA-2048 DKIM key pair. */
export function generateDkimKey(): DkimKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
  };
}

/** The DNS record to publish: name `<selector>._domainkey.<domain>`, TXT value `v=DKIM1; …`. */
export function dkimDnsRecord(domain: string, selector: string, publicKey: string) {
  return {
    name: `${selector}._domainkey.${domain}`,
    type: "TXT" as const,
    value: `v=DKIM1; k=rsa; p=${publicKey}`,
  };
}
