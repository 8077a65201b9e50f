import type {
  AttributeRule,
  Channel,
  CompareOp,
  Condition,
  CountOp,
  DurationUnit,
  EngagementAction,
  EngagementRule,
  StageRule,
} from "@voronka/journey";

/**
 * The condition builder's own model: rows as the marketer typed them (numbers still as text),
 * so a half-finished rule is never lost or "corrected" while typing. `toCondition` turns the
 * rows into the condition language and says what is still missing; `fromCondition` goes back.
 *
 * Shape: one top group ("match all / any of these") of rules and sub-groups of rules. Anything
 * deeper (a `not`, a group inside a sub-group, a segment rule) is kept as it was and shown as
 * one read-only row.
 */

export type Match = "all" | "any";
/** Amount + unit as typed; an empty unit means "ever" (no window). */
export interface Window {
  amount: string;
  unit: DurationUnit | "";
}

export type RuleRow =
  | { key: string; kind: "attribute" | "property"; field: string; op: CompareOp; value: string }
  | { key: string; kind: "event"; event: string; op: CountOp; count: string; within: Window }
  | { key: string; kind: "stage"; funnel: string; op: StageRule["op"]; stages: string[] }
  | { key: string; kind: "consent"; channel: Channel }
  | {
      key: string;
      kind: "engagement";
      channel: Channel;
      action: EngagementAction;
      op: EngagementRule["op"];
      within: Window;
    }
  | { key: string; kind: "kept"; condition: Condition };

export type RuleKind = Exclude<RuleRow["kind"], "kept">;

export interface SubGroup {
  key: string;
  kind: "group";
  match: Match;
  rules: RuleRow[];
}

export interface Draft {
  match: Match;
  items: (RuleRow | SubGroup)[];
}

/** What a row still needs, by field name (`field`, `value`, `event`, `count`, …). */
export type Missing = ReadonlyMap<string, readonly string[]>;

let counter = 0;
/** A React key for a new row; only needs to be unique within one page. */
export const newKey = () => `r${++counter}`;

const UNARY: ReadonlySet<string> = new Set(["exists", "not-exists"]);
const LIST_OPS: ReadonlySet<string> = new Set(["in", "not-in"]);

/** An empty rule of a kind, as the builder adds it. */
export function blankRule(kind: RuleKind): RuleRow {
  const key = newKey();
  switch (kind) {
    case "attribute":
    case "property":
      return { key, kind, field: "", op: "eq", value: "" };
    case "event":
      return { key, kind, event: "", op: "gte", count: "1", within: { amount: "7", unit: "days" } };
    case "stage":
      return { key, kind, funnel: "", op: "in", stages: [] };
    case "consent":
      return { key, kind, channel: "email" };
    case "engagement":
      return {
        key,
        kind,
        channel: "email",
        action: "opened",
        op: "did",
        within: { amount: "7", unit: "days" },
      };
  }
}

const scalarText = (v: unknown): string =>
  v === undefined || v === null ? "" : Array.isArray(v) ? v.map(String).join(", ") : String(v);

const numberText = (v: unknown): string => (typeof v === "number" ? String(v) : "");
/** Saved drafts may be half-filled (a name not typed yet): read strings defensively. */
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function windowOf(d: { amount: number; unit: DurationUnit } | undefined): Window {
  return d?.unit ? { amount: numberText(d.amount), unit: d.unit } : { amount: "", unit: "" };
}

function ruleRow(c: Condition): RuleRow {
  const key = newKey();
  switch (c.kind) {
    case "attribute":
      return { key, kind: c.kind, field: str(c.attribute), op: c.op, value: scalarText(c.value) };
    case "property":
      return { key, kind: c.kind, field: str(c.property), op: c.op, value: scalarText(c.value) };
    case "event":
      return {
        key,
        kind: "event",
        event: str(c.event),
        op: c.op,
        count: numberText(c.count),
        within: windowOf(c.within),
      };
    case "stage":
      return {
        key,
        kind: "stage",
        funnel: str(c.funnel),
        op: c.op,
        stages: Array.isArray(c.stages) ? c.stages.filter((s) => typeof s === "string") : [],
      };
    case "consent":
      return { key, kind: "consent", channel: c.channel };
    case "engagement":
      return {
        key,
        kind: "engagement",
        channel: c.channel,
        action: c.action,
        op: c.op,
        within: windowOf(c.within),
      };
    default:
      return { key, kind: "kept", condition: c };
  }
}

/**
 * The condition in a step's data, as far as it looks like one. Steps hold what the editor last
 * wrote, which may be half-filled; the rows read every field defensively, so the cast is safe.
 */
export function asCondition(value: unknown): Condition | undefined {
  const ok = typeof value === "object" && value !== null && "kind" in value;
  return ok ? (value as Condition) : undefined;
}

/** Rows for a condition (none for no condition). */
export function fromCondition(c: Condition | undefined): Draft {
  if (!c) return { match: "all", items: [] };
  if (c.kind !== "all" && c.kind !== "any") return { match: "all", items: [ruleRow(c)] };
  return {
    match: c.kind,
    items: c.rules.map((child) =>
      child.kind === "all" || child.kind === "any"
        ? { key: newKey(), kind: "group", match: child.kind, rules: child.rules.map(ruleRow) }
        : ruleRow(child),
    ),
  };
}

/** "100" → 100, "pro" → "pro", "true" → true: what the marketer most likely means. */
export function parseScalar(text: string): string | number | boolean {
  const t = text.trim();
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  if (t === "true" || t === "false") return t === "true";
  return text;
}

/** A whole number ≥ 0 (`positive`: > 0, any number) or NaN, which the graph checker rejects. */
function parseNumber(text: string, positive = false): number {
  const n = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(n)) return Number.NaN;
  if (positive) return n > 0 ? n : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : Number.NaN;
}

function windowDuration(w: Window, missing: string[]) {
  if (w.unit === "") return undefined;
  const amount = parseNumber(w.amount, true);
  if (Number.isNaN(amount)) missing.push("within");
  return { amount, unit: w.unit };
}

function ruleCondition(row: RuleRow, missing: string[]): Condition {
  switch (row.kind) {
    case "attribute":
    case "property": {
      if (!row.field.trim()) missing.push("field");
      const base = { op: row.op };
      // No value typed yet: none is written, so the graph checker flags the rule too.
      const empty = row.value.trim() === "";
      const unary = UNARY.has(row.op);
      if (!unary && empty) missing.push("value");
      const value =
        unary || empty
          ? undefined
          : LIST_OPS.has(row.op)
            ? row.value
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean)
                .map(parseScalar)
            : parseScalar(row.value);
      const withValue: Pick<AttributeRule, "op" | "value"> =
        value === undefined ? base : { ...base, value };
      return row.kind === "attribute"
        ? { kind: "attribute", attribute: row.field.trim(), ...withValue }
        : { kind: "property", property: row.field.trim(), ...withValue };
    }
    case "event": {
      if (!row.event.trim()) missing.push("event");
      const count = parseNumber(row.count);
      if (Number.isNaN(count)) missing.push("count");
      const within = windowDuration(row.within, missing);
      const rule = { kind: "event" as const, event: row.event.trim(), op: row.op, count };
      return within ? { ...rule, within } : rule;
    }
    case "stage":
      if (!row.funnel) missing.push("funnel");
      if (row.op !== "lost" && row.stages.length === 0) missing.push("stages");
      return {
        kind: "stage",
        funnel: row.funnel,
        op: row.op,
        stages: row.op === "lost" ? [] : row.stages,
      };
    case "consent":
      return { kind: "consent", channel: row.channel };
    case "engagement": {
      const within = windowDuration(row.within, missing);
      const rule = {
        kind: "engagement" as const,
        channel: row.channel,
        action: row.action,
        op: row.op,
      };
      return within ? { ...rule, within } : rule;
    }
    case "kept":
      return row.condition;
  }
}

/**
 * The condition the rows stand for, and what each row still misses. Incomplete rows are still
 * written out (with empty names or NaN numbers) so the graph checker flags the step and publish
 * stays off until they are finished; no rows at all means no condition.
 */
export function toCondition(draft: Draft): { condition: Condition | undefined; missing: Missing } {
  const missing = new Map<string, string[]>();
  const convert = (row: RuleRow) => {
    const list: string[] = [];
    const c = ruleCondition(row, list);
    if (list.length > 0) missing.set(row.key, list);
    return c;
  };
  const parts: Condition[] = [];
  for (const item of draft.items) {
    if (item.kind !== "group") {
      parts.push(convert(item));
      continue;
    }
    if (item.rules.length === 0) {
      missing.set(item.key, ["rules"]);
      continue;
    }
    parts.push({ kind: item.match, rules: item.rules.map(convert) });
  }
  const [only] = parts;
  if (!only) return { condition: undefined, missing };
  // One rule on its own is written as that rule, the way hand-written journeys have it.
  const condition: Condition =
    parts.length === 1 && draft.items[0]?.kind !== "group"
      ? only
      : { kind: draft.match, rules: parts };
  return { condition, missing };
}
