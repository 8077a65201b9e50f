import { conditionStrings as t } from "./strings.ts";
import { summaryStrings as s } from "./summary-strings.ts";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The label for a key read from saved data (which may hold anything). */
function label(labels: Readonly<Record<string, string>>, key: unknown): string | undefined {
  return typeof key === "string" ? labels[key] : undefined;
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join(", ");
  return v === undefined || v === null ? "" : String(v);
}

function windowText(w: unknown): string | null {
  if (!isObject(w) || typeof w.amount !== "number" || typeof w.unit !== "string") return null;
  return s.window(w.amount, w.unit);
}

/** One rule in a few words, or null while it is too unfinished to say anything. */
function ruleText(c: Record<string, unknown>): string | null {
  switch (c.kind) {
    case "attribute":
    case "property": {
      const name = text(c.kind === "attribute" ? c.attribute : c.property);
      const op = label(t.ops, c.op) ?? "";
      return name && `${name} ${op} ${valueText(c.value)}`.trim();
    }
    case "event": {
      const event = text(c.event);
      if (!event || typeof c.count !== "number") return null;
      const op = label(t.countOps, c.op) ?? "";
      return s.event(event, op, c.count, windowText(c.within));
    }
    case "stage":
      return c.op === "lost" ? s.stageLost : s.stage(Array.isArray(c.stages) ? c.stages.length : 0);
    case "consent":
      return s.consent(label(t.channels, c.channel) ?? "");
    case "engagement": {
      const action = label(t.engagements[c.op === "did-not" ? "did-not" : "did"], c.action);
      // The choice reads as a sentence start ("Opened an email"); here it follows "If".
      return action ? action.charAt(0).toLowerCase() + action.slice(1) : null;
    }
    default:
      return null;
  }
}

/**
 * A step's condition in one line for the canvas: "If cartValue is at least 100", or how many
 * rules must hold. Null when there is nothing to say yet.
 */
export function describeCondition(c: unknown): string | null {
  if (!isObject(c)) return null;
  if (c.kind === "all" || c.kind === "any") {
    const n = Array.isArray(c.rules) ? c.rules.length : 0;
    return c.kind === "all" ? s.all(n) : s.any(n);
  }
  if (c.kind === "not") return s.not;
  const rule = ruleText(c);
  return rule && s.ifRule(rule);
}
