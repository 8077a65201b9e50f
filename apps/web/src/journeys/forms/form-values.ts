/** Pure conversions between what the step forms show and what the steps store. */

/** Which side of a date a trigger fires on. */
export type DateSide = "before" | "on" | "after";

/** The side an offset amount means: negative is before the date, zero on it. */
export function dateSide(amount: number): DateSide {
  return amount < 0 ? "before" : amount > 0 ? "after" : "on";
}

/**
 * The stored offset for a side and a size as typed: "before" negates, "on" is zero, and a side
 * chosen with no size yet starts at 1 so switching to before/after is never a silent "on".
 */
export function dateOffset(side: DateSide, size: number, unit: string) {
  const abs = Math.abs(Math.round(size)) || 1;
  return { amount: side === "on" ? 0 : side === "before" ? -abs : abs, unit };
}

/** Tags typed with commas: trimmed, empty ones and repeats dropped. */
export function tagList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** A stored tag list as the text the field shows. */
export function tagText(value: unknown): string {
  return Array.isArray(value) ? value.filter((t) => typeof t === "string").join(", ") : "";
}

/** One "set this field" row of the update-contact form. */
export interface SetRow {
  key: number;
  name: string;
  value: string;
}

/** Stored `set` as rows (values shown as text; null as empty). */
export function setRows(set: unknown): SetRow[] {
  if (typeof set !== "object" || set === null || Array.isArray(set)) return [];
  return Object.entries(set).map(([name, value], key) => ({
    key,
    name,
    value: value === null ? "" : String(value),
  }));
}

/**
 * Rows back to the stored `set`: rows without a name are left out (still being typed); a value
 * the marketer did not touch keeps its stored type (a number stays a number), a typed one is text.
 */
export function setFromRows(rows: readonly SetRow[], before: unknown): Record<string, unknown> {
  const old: Record<string, unknown> =
    typeof before === "object" && before !== null && !Array.isArray(before) ? { ...before } : {};
  const set: Record<string, unknown> = {};
  for (const r of rows) {
    const name = r.name.trim();
    if (!name) continue;
    const kept = old[name];
    set[name] = kept !== undefined && kept !== null && String(kept) === r.value ? kept : r.value;
  }
  return set;
}
