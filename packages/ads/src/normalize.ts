import { createHash } from "node:crypto";

/** SHA-256 of a normalized value, lowercase hex (what Meta, Google, VK and Yandex expect). */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Email as every platform normalizes it before hashing: trimmed, lowercase; undefined if not an email. */
export function normalizeEmail(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}

/**
 * Google Customer Match additionally drops the dots of the local part of gmail.com and
 * googlemail.com addresses (they are ignored by Gmail).
 */
export function normalizeGoogleEmail(raw: string | null | undefined): string | undefined {
  const email = normalizeEmail(raw);
  if (!email) return undefined;
  const at = email.lastIndexOf("@");
  const domain = email.slice(at + 1);
  if (domain !== "gmail.com" && domain !== "googlemail.com") return email;
  return `${email.slice(0, at).replaceAll(".", "")}@${domain}`;
}

/**
 * A phone number in E.164 digits (country code first, no `+`, no spaces or punctuation):
 * `+7 (999) 123-45-67` → `79991234567`. A Russian trunk-prefixed number (`8 999 …`, 11 digits)
 * becomes `7…`; a leading international `00` is dropped. Undefined when it cannot be a full
 * international number (fewer than 8 or more than 15 digits).
 */
export function normalizePhoneDigits(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, "");
  if (!trimmed.startsWith("+")) {
    if (digits.startsWith("00")) digits = digits.slice(2);
    else if (digits.length === 11 && digits.startsWith("8")) digits = `7${digits.slice(1)}`;
  }
  digits = digits.replace(/^0+/, "");
  if (digits.length < 8 || digits.length > 15) return undefined;
  return digits;
}

/** E.164 with the plus sign (`+79991234567`), as Google Customer Match hashes phones. */
export function normalizePhoneE164(raw: string | null | undefined): string | undefined {
  const digits = normalizePhoneDigits(raw);
  return digits ? `+${digits}` : undefined;
}

/** A contact's identifiers as stored. */
export interface ContactIdentifiers {
  email: string | null;
  phone: string | null;
}

/** Hashed identifiers ready for one platform; undefined fields had nothing usable. */
export interface HashedIdentifiers {
  email?: string;
  phone?: string;
}

export type HashRules = "meta" | "google" | "vk" | "yandex";

/**
 * Normalizes and hashes a contact's email and phone exactly as the platform documents:
 * - Meta: email trimmed+lowercase; phone digits only with country code, no `+`, no leading 0.
 * - Google: email trimmed+lowercase (gmail dots removed); phone E.164 **with** `+`.
 * - VK Ads and Yandex Audience: email trimmed+lowercase; phone digits with country code.
 * All SHA-256, lowercase hex.
 */
export function hashIdentifiers(rules: HashRules, c: ContactIdentifiers): HashedIdentifiers {
  const email = rules === "google" ? normalizeGoogleEmail(c.email) : normalizeEmail(c.email);
  const phone = rules === "google" ? normalizePhoneE164(c.phone) : normalizePhoneDigits(c.phone);
  const out: HashedIdentifiers = {};
  if (email) out.email = sha256Hex(email);
  if (phone) out.phone = sha256Hex(phone);
  return out;
}
