import { type Identity, identity, identityKey } from "./identity.ts";
import type { ContactPatch } from "./patch.ts";

/** A rejected CSV row: `row` counts the header as row 1, as a spreadsheet shows it. */
export interface RowReject {
  row: number;
  reason: string;
}

/** One contact to write: the rows of the file that name the same person, collapsed. */
export interface ImportRecord {
  identities: Identity[];
  patch: ContactPatch;
  tags: string[];
}

/** The work of one batch: data rows [fromRow, toRow) of the file. */
export interface ImportBatch {
  /** Data rows processed once this batch is written (the progress checkpoint). */
  toRow: number;
  records: ImportRecord[];
  rejects: RowReject[];
  /** Rows folded into another row of the file. */
  duplicates: number;
}

type TextField = "firstName" | "lastName" | "name" | "city" | "country" | "gender";
const TEXT_FIELDS: readonly string[] = [
  "firstName",
  "lastName",
  "name",
  "city",
  "country",
  "gender",
];
const isTextField = (field: string): field is TextField => TEXT_FIELDS.includes(field);

/** What the export adds to defuse formulas; stripped again on the way in. */
const unguard = (v: string) => (/^'[=+\-@]/.test(v) ? v.slice(1) : v);

/** `YYYY-MM-DD` or `DD.MM.YYYY` (also `DD/MM/YYYY`), checked to be a real date. */
export function parseBirthday(value: string): string | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m) {
    m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
    if (m) [d, mo, y] = [m[1], m[2], m[3]];
  }
  if (!y || !mo || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  if (Number(y) < 1900 || date.getTime() > Date.now()) return undefined;
  return date.toISOString().slice(0, 10);
}

const validZones = new Map<string, boolean>();
function isTimeZone(tz: string): boolean {
  let ok = validZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    validZones.set(tz, ok);
  }
  return ok;
}

const show = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);

/** One row → a record, or the reason it is rejected. */
function readRow(
  cells: string[],
  columns: Array<[number, string]>,
): ImportRecord | { reason: string } {
  const identities: Identity[] = [];
  const patch: ContactPatch = { source: "import" };
  const traits: Record<string, unknown> = {};
  let tags: string[] = [];
  for (const [index, field] of columns) {
    const value = unguard((cells[index] ?? "").trim());
    if (!value) continue;
    if (field === "email" || field === "phone" || field === "userId") {
      const id = identity(field === "userId" ? "user_id" : field, value);
      if (!id) return { reason: `invalid ${field} ${show(value)}` };
      identities.push(id);
      if (field !== "userId") patch[field] = id.value;
    } else if (field === "birthday") {
      const date = parseBirthday(value);
      if (!date) return { reason: `bad date ${show(value)} (use YYYY-MM-DD or DD.MM.YYYY)` };
      patch.birthday = date;
    } else if (field === "timeZone") {
      if (!isTimeZone(value)) return { reason: `unknown time zone ${show(value)}` };
      patch.timeZone = value;
    } else if (field === "tags") {
      tags = [...tags, ...value.split(/[,;|]/).map((t) => t.trim().slice(0, 100))].filter(Boolean);
    } else if (field.startsWith("traits.")) {
      traits[field.slice("traits.".length)] = value.slice(0, 2000);
    } else if (isTextField(field)) {
      patch[field] = value.slice(0, field === "gender" ? 40 : 200);
    }
  }
  if (identities.length === 0) return { reason: "no email, phone or userId" };
  if (Object.keys(traits).length > 0) patch.traits = traits;
  return { identities, patch, tags };
}

/** Later rows win field by field; tags, traits and identities accumulate. */
function fold(into: ImportRecord, next: ImportRecord): void {
  const known = new Set(into.identities.map(identityKey));
  for (const id of next.identities) if (!known.has(identityKey(id))) into.identities.push(id);
  const traits = { ...into.patch.traits, ...next.patch.traits };
  Object.assign(into.patch, next.patch);
  if (Object.keys(traits).length > 0) into.patch.traits = traits;
  into.tags = [...new Set([...into.tags, ...next.tags])];
}

/**
 * Plans an import: validates every row, collapses rows naming the same person (sharing an
 * email, phone or user id — transitively) into one record, and cuts the file into batches of
 * `batchSize` data rows. A record is written in the batch of its last row. Deterministic, so
 * a retried job can skip the batches already committed.
 */
export function planImport(
  header: string[],
  rows: string[][],
  mapping: Record<string, string>,
  batchSize: number,
): ImportBatch[] {
  const columns: Array<[number, string]> = [];
  for (const [column, field] of Object.entries(mapping)) {
    const index = header.indexOf(column.trim());
    if (index >= 0) columns.push([index, field]);
  }
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i]!]!;
      parent[i] = up;
      i = up;
    }
    return i;
  };
  const owner = new Map<string, number>();
  const read: Array<ImportRecord | undefined> = [];
  const batches: ImportBatch[] = [];
  for (let from = 0; from < rows.length; from += batchSize) {
    batches.push({
      toRow: Math.min(from + batchSize, rows.length),
      records: [],
      rejects: [],
      duplicates: 0,
    });
  }
  rows.forEach((cells, i) => {
    const result = readRow(cells, columns);
    if ("reason" in result) {
      batches[Math.floor(i / batchSize)]!.rejects.push({ row: i + 2, reason: result.reason });
      read.push(undefined);
      return;
    }
    read.push(result);
    for (const id of result.identities) {
      const key = identityKey(id);
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else {
        const [a, b] = [find(other), find(i)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  // Fold each group in row order; the group is written with its last row.
  const groups = new Map<number, { record: ImportRecord; last: number; size: number }>();
  read.forEach((record, i) => {
    if (!record) return;
    const root = find(i);
    const group = groups.get(root);
    if (group) {
      fold(group.record, record);
      group.last = i;
      group.size += 1;
    } else groups.set(root, { record, last: i, size: 1 });
  });
  for (const { record, last, size } of groups.values()) {
    const batch = batches[Math.floor(last / batchSize)]!;
    batch.records.push(record);
    batch.duplicates += size - 1;
  }
  return batches;
}
