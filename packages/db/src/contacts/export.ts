import type { Db } from "../client.ts";
import { type ContactListFilters, type ContactRow, listContacts } from "./list.ts";

/**
 * Columns of the export. Their names are import field names, so an exported file imports
 * back with the mapping `{ column: column }`.
 */
const COLUMNS: Array<[string, (c: ContactRow) => string | null]> = [
  ["id", (c) => c.id],
  ["email", (c) => c.email],
  ["phone", (c) => c.phone],
  ["userId", (c) => c.userId],
  ["firstName", (c) => c.firstName],
  ["lastName", (c) => c.lastName],
  ["name", (c) => c.name],
  ["gender", (c) => c.gender],
  ["birthday", (c) => c.birthday],
  ["city", (c) => c.city],
  ["country", (c) => c.country],
  ["timeZone", (c) => c.timeZone],
  ["tags", (c) => c.tags.join(", ")],
  ["source", (c) => c.source],
  ["consent", (c) => (Object.keys(c.consent).length > 0 ? JSON.stringify(c.consent) : null)],
  ["lifetimeRevenue", (c) => c.lifetimeRevenue],
  ["orderCount", (c) => String(c.orderCount)],
  ["firstSeenAt", (c) => c.firstSeenAt.toISOString()],
  ["lastSeenAt", (c) => c.lastSeenAt.toISOString()],
];

/** A plain number (a phone like `+7 999 1234567`, an amount) is not a formula risk. */
const NUMBER_LIKE = /^[+-]?\d[\d .]*$/;

/**
 * One CSV cell: quoted when it holds a delimiter, quote or line break; a value a spreadsheet
 * would run as a formula (starting with = + - @, tab or CR) is prefixed with `'`.
 */
export function csvCell(value: string | null): string {
  if (value === null) return "";
  let text = value;
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER_LIKE.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: Array<string | null>) => `${cells.map(csvCell).join(",")}\r\n`;

/**
 * The filtered contacts as CSV text chunks: a header, then one chunk per keyset page of
 * `pageSize` rows. Each page is its own short query, so a large export holds no transaction
 * open (and is not a snapshot: a contact changed meanwhile may appear as it is later).
 */
export async function* exportContactsCsv(
  db: Db,
  workspaceId: string,
  filters: ContactListFilters,
  pageSize = 2000,
): AsyncGenerator<string> {
  yield line(COLUMNS.map(([name]) => name));
  let cursor: string | undefined;
  do {
    const page = await listContacts(db, workspaceId, filters, { limit: pageSize, cursor });
    yield page.rows.map((c) => line(COLUMNS.map(([, get]) => get(c)))).join("");
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
