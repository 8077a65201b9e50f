import { assertNever } from "../assert-never.ts";
import { evaluate, readPath, scopeOf } from "../condition/evaluate.ts";
import type { LeadChannel } from "../schema/common.ts";
import type { NodeOf, TriggerNode } from "../schema/nodes.ts";
import { addDuration, atLocalClock, parseDateAttribute } from "../time/arithmetic.ts";
import { fromLocal, toLocal } from "../time/zoned.ts";
import type { ContactSnapshot, JourneyEvent } from "../types.ts";

/** Something that happened to a contact and may start journeys. */
export type TriggerSignal =
  | { type: "event"; event: JourneyEvent }
  | { type: "lead"; channel: LeadChannel }
  | { type: "stage"; funnel: string; stage: string; lost: boolean }
  | { type: "attribute"; attribute: string }
  | { type: "segment"; segment: string }
  | { type: "manual" };

/**
 * Does a signal fire this trigger for this contact? The engine's trigger index narrows
 * candidates by type and name; this decides. Date triggers fire by schedule, never by signal
 * (see {@link nextDateTriggerAt}).
 */
export function triggerMatches(
  trigger: TriggerNode,
  signal: TriggerSignal,
  contact: ContactSnapshot,
): boolean {
  switch (trigger.type) {
    case "trigger-event":
      return (
        signal.type === "event" &&
        signal.event.name === trigger.data.event &&
        (trigger.data.filter === undefined ||
          evaluate(trigger.data.filter, scopeOf(contact, signal.event.properties)))
      );
    case "trigger-lead":
      return (
        signal.type === "lead" &&
        (trigger.data.channels.length === 0 || trigger.data.channels.includes(signal.channel))
      );
    case "trigger-stage":
      if (signal.type !== "stage" || signal.funnel !== trigger.data.funnel) return false;
      return trigger.data.on === "lost"
        ? signal.lost
        : !signal.lost && signal.stage === trigger.data.stage;
    case "trigger-attribute":
      return (
        signal.type === "attribute" &&
        signal.attribute === trigger.data.attribute &&
        (trigger.data.filter === undefined || evaluate(trigger.data.filter, scopeOf(contact)))
      );
    case "trigger-segment":
      return signal.type === "segment" && signal.segment === trigger.data.segment;
    case "trigger-manual":
      return signal.type === "manual";
    case "trigger-date":
      return false;
    default:
      return assertNever(trigger, "trigger type");
  }
}

/**
 * When a date trigger next fires for a contact, strictly after `after` (epoch ms); null when the
 * contact has no usable date or a one-off date has passed. Yearly triggers use the anniversary
 * (a 29 February birthday falls on 1 March in other years).
 */
export function nextDateTriggerAt(
  trigger: NodeOf<"trigger-date">,
  contact: ContactSnapshot,
  after: number,
): number | null {
  const tz = contact.timeZone;
  const date = parseDateAttribute(readPath(contact.attributes, trigger.data.attribute), tz);
  if (date === null) return null;
  const fire = (base: number) =>
    atLocalClock(addDuration(base, trigger.data.offset, tz), trigger.data.at, tz);
  if (!trigger.data.yearly) {
    const at = fire(date.at);
    return at > after ? at : null;
  }
  const d = toLocal(date.at, tz);
  const year = toLocal(after, tz).year;
  for (let y = year - 1; y <= year + 2; y++) {
    const at = fire(fromLocal(tz, y, d.month, d.day));
    if (at > after) return at;
  }
  return null;
}
