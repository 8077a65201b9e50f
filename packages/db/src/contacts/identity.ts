/** How a contact is recognised. See `contact_identities`. */
export type IdentityKind =
  | "user_id"
  | "anonymous_id"
  | "email"
  | "phone"
  | "telegram"
  | "whatsapp"
  | "viber";

export interface Identity {
  kind: IdentityKind;
  value: string;
}

export function normalizeEmail(value: string): string | undefined {
  const email = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}

/** Digits with a leading `+` when one was given: `+7 (999) 123-45-67` → `+79991234567`. */
export function normalizePhone(value: string): string | undefined {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 6 || digits.length > 15) return undefined;
  return trimmed.startsWith("+") ? `+${digits}` : digits;
}

/** Normalises an identity; undefined when the value is unusable (an invalid email, say). */
export function identity(kind: IdentityKind, raw: unknown): Identity | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = String(raw).trim();
  if (!text) return undefined;
  if (kind === "email") {
    const value = normalizeEmail(text);
    return value ? { kind, value } : undefined;
  }
  if (kind === "phone") {
    const value = normalizePhone(text);
    return value ? { kind, value } : undefined;
  }
  return { kind, value: text.slice(0, 255) };
}

export const identityKey = (i: Identity) => `${i.kind}\u0000${i.value}`;

/** Precedence when two contacts meet: the one known by a user id survives a merge. */
export const MERGE_PRECEDENCE: IdentityKind[] = [
  "user_id",
  "email",
  "phone",
  "telegram",
  "whatsapp",
  "viber",
  "anonymous_id",
];
