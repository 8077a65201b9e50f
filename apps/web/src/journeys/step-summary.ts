import type { StepData } from "./graph.ts";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function duration(value: unknown): string | null {
  if (!isObject(value) || typeof value.amount !== "number" || typeof value.unit !== "string") {
    return null;
  }
  const unit = value.amount === 1 ? value.unit.replace(/s$/, "") : value.unit;
  return `${value.amount} ${unit}`;
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/** One line under a step's title saying what it is set to, or null when it says nothing yet. */
export function stepSummary(type: string, data: StepData): string | null {
  switch (type) {
    case "trigger-event":
      return text(data.event) && `When “${data.event}” happens`;
    case "wait-for-event":
      return text(data.event) && `For “${data.event}”, up to ${duration(data.timeout) ?? "…"}`;
    case "wait":
      if (data.mode === "duration")
        return duration(data.duration) && `For ${duration(data.duration)}`;
      if (data.mode === "until-date") return text(data.attribute) && `Until ${data.attribute}`;
      return "Until an allowed time";
    case "condition": {
      const rule = isObject(data.condition) ? data.condition : {};
      if (rule.kind !== "attribute") return text(rule.kind) && "Several rules";
      return (
        text(rule.attribute) &&
        `If ${rule.attribute} ${String(rule.op)} ${String(rule.value ?? "")}`.trim()
      );
    }
    case "split": {
      const branches = Array.isArray(data.branches) ? data.branches.filter(isObject) : [];
      return branches.map((b) => `${String(b.name)} ${String(b.weight)}%`).join(" · ") || null;
    }
    case "send-email":
      return text(data.templateId) && `Template “${data.templateId}”`;
    case "goal":
      return text(data.name);
    case "exit":
      return text(data.reason);
    default:
      return null;
  }
}
