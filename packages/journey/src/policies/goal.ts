import { type EvalScope, evaluate, scopeOf } from "../condition/evaluate.ts";
import type { EventMatch } from "../condition/schema.ts";
import type { GoalNode } from "../schema/flow.ts";
import type { JourneySettings } from "../schema/graph.ts";
import type { ContactSnapshot, JourneyEvent } from "../types.ts";

/** Does an event match a name and property filter (the filter sees the event's properties)? */
export function eventMatches(
  match: EventMatch,
  event: JourneyEvent,
  contact: ContactSnapshot,
): boolean {
  if (match.event !== event.name) return false;
  return match.filter === undefined || evaluate(match.filter, scopeOf(contact, event.properties));
}

/** The goal an arriving event reaches, if any: a goal event converts from anywhere in the run. */
export function goalReachedByEvent(
  goals: readonly GoalNode[],
  event: JourneyEvent,
  contact: ContactSnapshot,
): GoalNode | null {
  for (const g of goals) {
    if (g.data.event && eventMatches(g.data.event, event, contact)) return g;
  }
  return null;
}

/** The goal whose condition now holds, if any (checked whenever a waiting run is woken). */
export function goalReachedByCondition(
  goals: readonly GoalNode[],
  scope: EvalScope,
): GoalNode | null {
  for (const g of goals) {
    if (g.data.condition && evaluate(g.data.condition, scope)) return g;
  }
  return null;
}

/** The journey-wide exit rule an event triggers, if any. */
export function exitRuleHit(
  settings: JourneySettings,
  event: JourneyEvent,
  contact: ContactSnapshot,
): EventMatch | null {
  return settings.exitOn.find((m) => eventMatches(m, event, contact)) ?? null;
}
