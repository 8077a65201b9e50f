import {
  type ContactIdentifiers,
  normalizeEmail,
  normalizePhoneDigits,
  sha256Hex,
} from "./normalize.ts";

function cell(value: string): string {
  // Formula guard, as in the contacts export: a leading = + - @ would run in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^\+?\d+$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The header of an audience export. */
export const AUDIENCE_CSV_HEADER = "email,phone\n";

/**
 * CSV rows of an audience export for platforms without an API: `email,phone`, normalized
 * (email trimmed+lowercase, phone E.164 digits without `+`), plain or SHA-256 hashed.
 * Contacts with neither identifier are left out.
 */
export function audienceCsvRows(contacts: readonly ContactIdentifiers[], hashed: boolean): string {
  let out = "";
  for (const c of contacts) {
    const email = normalizeEmail(c.email);
    const phone = normalizePhoneDigits(c.phone);
    if (!email && !phone) continue;
    const e = email ? (hashed ? sha256Hex(email) : email) : "";
    const p = phone ? (hashed ? sha256Hex(phone) : phone) : "";
    out += `${cell(e)},${cell(p)}\n`;
  }
  return out;
}
