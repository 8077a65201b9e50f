import { moreStrings as m } from "./more-form-strings.ts";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v !== "") : [];

function dateSummary(data: Record<string, unknown>): string | null {
  const field = text(data.attribute);
  if (!field) return null;
  const o = isObject(data.offset) ? data.offset : {};
  const amount = typeof o.amount === "number" ? o.amount : 0;
  const unit = m.units[String(o.unit ?? "days")] ?? String(o.unit);
  if (amount < 0) return m.dateBefore(-amount, unit, field);
  if (amount > 0) return m.dateAfter(amount, unit, field);
  return m.dateOn(field, text(data.at) ?? "09:00");
}

function updateSummary(data: Record<string, unknown>): string | null {
  const parts: string[] = [];
  const set = isObject(data.set) ? Object.keys(data.set) : [];
  if (set.length === 1 && set[0])
    parts.push(`${set[0]} = ${String((data.set as Record<string, unknown>)[set[0]])}`); // isObject checked
  else if (set.length > 1) parts.push(m.setCount(set.length));
  const add = strings(data.addTags);
  if (add.length > 0) parts.push(m.tagsAdded(add.join(", ")));
  const remove = strings(data.removeTags);
  if (remove.length > 0) parts.push(m.tagsRemoved(remove.join(", ")));
  if (typeof data.addPoints === "number" && data.addPoints !== 0)
    parts.push(m.points(data.addPoints));
  return parts.length > 0 ? m.updateSummary(parts) : null;
}

/**
 * The canvas line of the trigger, funnel, audience and team steps, or null when the step says
 * nothing yet. Ids (funnels, audiences) are not named: the line is worked out without the API.
 */
export function moreSummary(type: string, data: Record<string, unknown>): string | null {
  switch (type) {
    case "mark-lost":
      return text(data.reason) && m.markLost(String(data.reason));
    case "audience":
      if (!text(data.audienceId)) return null;
      return data.action === "remove" ? m.audienceRemove : m.audienceAdd;
    case "trigger-lead": {
      const list = strings(data.channels).map((c) => m.channels[c] ?? c);
      return list.length > 0 ? m.leadFrom(list.join(", ")) : m.leadAny;
    }
    case "trigger-stage":
      if (!text(data.funnel)) return null;
      return data.on === "lost" ? m.stageLost : m.stageEntered;
    case "trigger-attribute":
      return text(data.attribute) && m.attributeChanged(String(data.attribute));
    case "trigger-date":
      return dateSummary(data);
    case "trigger-segment":
      return text(data.segment) && m.segmentEntered(String(data.segment));
    case "trigger-manual":
      return m.manualSummary;
    case "notify-manager": {
      const message = text(data.message);
      if (!message) return null;
      return data.via === "email" ? m.notifyEmail(message) : m.notifyTask(message);
    }
    case "update-contact":
      return updateSummary(data);
    case "webhook":
      return text(data.url) && m.webhook(text(data.method) ?? "POST", String(data.url));
    default:
      return null;
  }
}
