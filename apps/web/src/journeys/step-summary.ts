import { actionSummary } from "./forms/action-summary.ts";
import { describeCondition } from "./forms/condition/describe.ts";
import type { StepData } from "./graph.ts";
import { summaryStrings as t } from "./strings.ts";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function duration(value: unknown): string | null {
  if (!isObject(value) || typeof value.amount !== "number" || typeof value.unit !== "string") {
    return null;
  }
  return t.duration(value.amount, value.unit);
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/** One line under a step's title saying what it is set to, or null when it says nothing yet. */
export function stepSummary(type: string, data: StepData): string | null {
  switch (type) {
    case "trigger-event":
      return text(data.event) && t.triggerEvent(String(data.event));
    case "wait-for-event":
      return text(data.event) && t.waitForEvent(String(data.event), duration(data.timeout) ?? "…");
    case "wait": {
      if (data.mode === "duration") {
        const d = duration(data.duration);
        return d && t.waitFor(d);
      }
      if (data.mode === "until-date")
        return text(data.attribute) && t.waitUntil(String(data.attribute));
      return t.waitWindow;
    }
    case "condition":
      return describeCondition(data.condition);
    case "split": {
      const branches = Array.isArray(data.branches) ? data.branches.filter(isObject) : [];
      return branches.map((b) => `${String(b.name)} ${String(b.weight)}%`).join(" · ") || null;
    }
    case "send-email":
      return text(data.templateId) && t.template(String(data.templateId));
    case "goal":
      return text(data.name);
    case "exit":
      return text(data.reason);
    default:
      return actionSummary(type, data);
  }
}
