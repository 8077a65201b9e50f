import type { FormField } from "@voronka/contract";

export const ALL_FIELDS: readonly FormField[] = ["name", "email", "phone", "message"];

/** The fields a form shows by default: what most sites ask. */
export const DEFAULT_FIELDS: readonly FormField[] = ["name", "email", "phone"];

/** One row of the field list: a field, in its place, shown or not. */
export interface FieldRow {
  field: FormField;
  shown: boolean;
}

/** The shown fields first, in their order, then the hidden ones. */
export function rowsOf(shown: readonly FormField[]): FieldRow[] {
  return [
    ...shown.map((field) => ({ field, shown: true })),
    ...ALL_FIELDS.filter((f) => !shown.includes(f)).map((field) => ({ field, shown: false })),
  ];
}

/** The fields to save: the shown ones in order. */
export function fieldsOf(rows: readonly FieldRow[]): FormField[] {
  return rows.filter((r) => r.shown).map((r) => r.field);
}

/** Swaps a row with its neighbour (`by` = -1 up, +1 down); out of range leaves it. */
export function moveRow(rows: readonly FieldRow[], index: number, by: -1 | 1): FieldRow[] {
  const other = index + by;
  const a = rows[index];
  const b = rows[other];
  if (!a || !b) return [...rows];
  const next = [...rows];
  next[index] = b;
  next[other] = a;
  return next;
}

/** What is wrong with a field choice, or null: the form must ask who is writing. */
export function fieldProblem(rows: readonly FieldRow[]): "none" | "noContact" | null {
  const fields = fieldsOf(rows);
  if (fields.length === 0) return "none";
  if (!fields.includes("email") && !fields.includes("phone")) return "noContact";
  return null;
}

/**
 * What the embed script puts on the customer's site when a text is left empty, and its field
 * labels: the preview shows exactly these, whatever the language of this app.
 */
export const SITE_TEXT = {
  labels: { name: "Name", email: "Email", phone: "Phone", message: "Message" },
  button: "Send",
  thanks: "Thank you! We will be in touch soon.",
} as const;
