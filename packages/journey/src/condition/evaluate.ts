import { assertNever } from "../assert-never.ts";
import { durationMs } from "../schema/common.ts";
import { type ContactSnapshot, eventCountKey, type Json } from "../types.ts";
import type { CompareOp, Condition, CountOp } from "./schema.ts";

/** Everything a condition can look at. */
export interface EvalScope {
  contact: ContactSnapshot;
  /** Attributes to read (the snapshot's, possibly overlaid by this step's own updates). */
  attributes: Record<string, Json>;
  /** Stages to read (likewise overlaid). */
  stages: ContactSnapshot["stages"];
  /** Properties of the event in scope, if any. */
  event: Record<string, Json> | null;
}

/** Builds a scope straight from a snapshot. */
export function scopeOf(
  contact: ContactSnapshot,
  event: Record<string, Json> | null = null,
): EvalScope {
  return { contact, attributes: contact.attributes, stages: contact.stages, event };
}

/** Reads `a.b.c` from an object; a literal key containing dots wins over the nested path. */
export function readPath(obj: Record<string, Json> | null, path: string): Json | undefined {
  if (obj === null) return undefined;
  if (path in obj) return obj[path];
  let cur: Json | undefined = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function compareScalar(a: Json, b: unknown): number | null {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function looseEqual(a: Json | undefined, b: unknown): boolean {
  if (a === b) return true;
  // Forms and CSV imports give "42" where a marketer typed 42.
  if (typeof a === "string" && typeof b === "number") return a.trim() !== "" && Number(a) === b;
  if (typeof a === "number" && typeof b === "string") return b.trim() !== "" && Number(b) === a;
  return false;
}

/** Applies a comparison; a missing value satisfies only the negative operators. */
export function compare(actual: Json | undefined, op: CompareOp, value: unknown): boolean {
  const missing = actual === undefined || actual === null;
  switch (op) {
    case "exists":
      return !missing;
    case "not-exists":
      return missing;
    case "eq":
      return !missing && looseEqual(actual, value);
    case "neq":
      return missing || !looseEqual(actual, value);
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      if (missing) return false;
      const numeric = typeof value === "number" && typeof actual === "string";
      const c = compareScalar(numeric ? Number(actual) : actual, value);
      if (c === null || Number.isNaN(c)) return false;
      return op === "gt" ? c > 0 : op === "gte" ? c >= 0 : op === "lt" ? c < 0 : c <= 0;
    }
    case "contains":
      return !missing && contains(actual, value);
    case "not-contains":
      return missing || !contains(actual, value);
    case "starts-with":
      return typeof actual === "string" && typeof value === "string" && actual.startsWith(value);
    case "in":
      return !missing && Array.isArray(value) && value.some((v) => looseEqual(actual, v));
    case "not-in":
      return missing || !Array.isArray(value) || !value.some((v) => looseEqual(actual, v));
    default:
      return assertNever(op, "compare op");
  }
}

function contains(actual: Json, value: unknown): boolean {
  if (typeof actual === "string" && typeof value === "string") {
    return actual.toLowerCase().includes(value.toLowerCase());
  }
  if (Array.isArray(actual)) return actual.some((a) => looseEqual(a, value));
  return false;
}

function countMatches(n: number, op: CountOp, count: number): boolean {
  switch (op) {
    case "gte":
      return n >= count;
    case "lte":
      return n <= count;
    case "eq":
      return n === count;
    default:
      return assertNever(op, "count op");
  }
}

function windowSeconds(
  within: { amount: number; unit: "minutes" | "hours" | "days" | "weeks" } | undefined,
) {
  return within ? Math.round(durationMs(within) / 1000) : null;
}

/**
 * Evaluates a condition against a scope. Total: unknown data makes a rule false (or true for
 * its negative form), never an exception.
 */
export function evaluate(c: Condition, s: EvalScope): boolean {
  switch (c.kind) {
    case "all":
      return c.rules.every((r) => evaluate(r, s));
    case "any":
      return c.rules.some((r) => evaluate(r, s));
    case "not":
      return !evaluate(c.rule, s);
    case "attribute":
      return compare(readPath(s.attributes, c.attribute), c.op, c.value);
    case "property":
      return compare(readPath(s.event, c.property), c.op, c.value);
    case "event": {
      const n = s.contact.eventCounts[eventCountKey(c.event, windowSeconds(c.within))] ?? 0;
      return countMatches(n, c.op, c.count);
    }
    case "stage": {
      const m = s.stages[c.funnel];
      if (c.op === "lost") return m?.lost === true;
      const inStages = m !== undefined && !m.lost && c.stages.includes(m.stage);
      return c.op === "in" ? inStages : !inStages;
    }
    case "segment": {
      const member = s.contact.segments.includes(c.segment);
      return c.op === "in" ? member : !member;
    }
    case "engagement": {
      const key = eventCountKey(`${c.channel}.${c.action}`, windowSeconds(c.within));
      const did = (s.contact.eventCounts[key] ?? 0) > 0;
      return c.op === "did" ? did : !did;
    }
    case "consent":
      return s.contact.consent[c.channel] === true;
    default:
      return assertNever(c, "condition kind");
  }
}

/** One event count the engine must load into {@link ContactSnapshot.eventCounts}. */
export interface EventCountQuery {
  key: string;
  event: string;
  /** Trailing window in seconds; null for all time. */
  withinSeconds: number | null;
}

function addQuery(into: Map<string, EventCountQuery>, event: string, withinSeconds: number | null) {
  const key = eventCountKey(event, withinSeconds);
  into.set(key, { key, event, withinSeconds });
}

/** Collects the event counts a condition reads, keyed by count key. */
export function conditionCountQueries(
  c: Condition,
  into: Map<string, EventCountQuery> = new Map(),
): Map<string, EventCountQuery> {
  switch (c.kind) {
    case "all":
    case "any":
      for (const r of c.rules) conditionCountQueries(r, into);
      break;
    case "not":
      conditionCountQueries(c.rule, into);
      break;
    case "event":
      addQuery(into, c.event, windowSeconds(c.within));
      break;
    case "engagement":
      addQuery(into, `${c.channel}.${c.action}`, windowSeconds(c.within));
      break;
    case "attribute":
    case "property":
    case "stage":
    case "segment":
    case "consent":
      break;
    default:
      assertNever(c, "condition kind");
  }
  return into;
}
