import { sha256 } from "@voronka/core";
import type { RenderedEmail } from "./render.ts";

export interface DkimSigner {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

/** Everything needed to put one rendered email on the wire. */
export interface OutgoingEmail {
  from: { name: string; address: string };
  to: string;
  rendered: RenderedEmail;
  messageId: string;
  unsubscribeUrl: string;
  /** Optional `mailto:` alternative in List-Unsubscribe. */
  unsubscribeMailto?: string | undefined;
  dkim?: DkimSigner | undefined;
}

/** The domain of an address (`a@b.example` → `b.example`). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * The Message-ID of a send, derived from its effect key: re-sending the same effect (after a
 * crash between send and acknowledgement) carries the same id, so receivers can de-duplicate.
 */
export function messageIdFor(effectKey: string, domain: string): string {
  return `<${sha256(effectKey)}@${domain}>`;
}
