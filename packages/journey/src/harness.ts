import type { z } from "zod";
import type { Effect } from "./effects.ts";
import { eventCountQueries } from "./graph-queries.ts";
import { type StepResult, step } from "./interpret/step.ts";
import type { JourneyGraph } from "./schema/graph.ts";
import { isTrigger } from "./schema/nodes.ts";
import {
  ContactSnapshot,
  type Enrollment,
  type JourneyEvent,
  type Json,
  newEnrollment,
  type StepInput,
} from "./types.ts";

/** An instant as epoch ms or an ISO string. */
export type Instant = number | string;

/** An event in a simulated timeline. */
export interface TimelineEvent {
  at: Instant;
  name: string;
  properties?: Record<string, Json>;
}

/** How the simulated world answers effects a run waits for. */
export type Responder = (effect: Effect) => { ok: boolean; value?: Json };

/** Input of {@link simulate}. */
export interface SimulationInput {
  graph: JourneyGraph;
  contact: z.input<typeof ContactSnapshot>;
  /** When and where the contact enters; the trigger defaults to the graph's first. */
  start: { at: Instant; trigger?: string; event?: TimelineEvent };
  events?: readonly TimelineEvent[];
  /** Stop simulating at this instant (default: two years after start). */
  until?: Instant;
  enrollmentId?: string;
  respond?: Responder;
  /** Safety net for property tests (default 10,000 steps). */
  maxSteps?: number;
}

/** What happened, in order, with times. */
export interface SimulationResult {
  enrollment: Enrollment;
  path: { nodeId: string; at: string }[];
  effects: (Effect & { at: string })[];
  /** Number of `step()` calls made. */
  steps: number;
  /** The contact as the run left it (updates, stages and sends applied). */
  contact: ContactSnapshot;
}

const TWO_YEARS = 2 * 366 * 86_400_000;

function ms(at: Instant): number {
  return typeof at === "number" ? at : Date.parse(at);
}

/** Default world: promo codes are issued as `PROMO-<n>`, webhooks answer `{ ok: true }`. */
export const defaultResponder: Responder = (effect) => {
  if (effect.type === "issue-promo-code") {
    return { ok: true, value: `PROMO-${effect.discountPercent}-${effect.key.length}` };
  }
  return { ok: true, value: { ok: true } };
};

/**
 * The time-travel harness: runs one contact through a graph along a timeline of events, firing
 * timers exactly when the run asks, answering effects, and applying the effects to the contact
 * (attributes, stages, sends) as the engine would. Months pass in microseconds.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const { graph } = input;
  let contact = ContactSnapshot.parse(input.contact);
  const respond = input.respond ?? defaultResponder;
  const maxSteps = input.maxSteps ?? 10_000;
  const startAt = ms(input.start.at);
  const until = input.until === undefined ? startAt + TWO_YEARS : ms(input.until);
  const queries = eventCountQueries(graph);
  const history: { name: string; at: number }[] = [];
  const events = [...(input.events ?? [])]
    .map((e, i) => ({ ...e, atMs: ms(e.at), i }))
    .sort((a, b) => a.atMs - b.atMs || a.i - b.i);

  const result: SimulationResult = {
    enrollment: newEnrollment(input.enrollmentId ?? "enr-1", contact.id, startAt),
    path: [],
    effects: [],
    steps: 0,
    contact,
  };

  // Effects the run waits on, answered before the clock moves on.
  const awaiting: { effect: Effect; now: number }[] = [];
  const run = (stepInput: StepInput, now: number) => {
    const counts: Record<string, number> = {};
    for (const q of queries) {
      const since = q.withinSeconds === null ? -Infinity : now - q.withinSeconds * 1000;
      counts[q.key] = history.filter(
        (h) => h.name === q.event && h.at > since && h.at <= now,
      ).length;
    }
    contact = { ...contact, eventCounts: counts };
    const r: StepResult = step(graph, result.enrollment, stepInput, now, contact);
    result.steps++;
    result.enrollment = r.enrollment;
    const at = new Date(now).toISOString();
    for (const nodeId of r.visited) result.path.push({ nodeId, at });
    for (const effect of r.effects) {
      result.effects.push({ ...effect, at });
      contact = applyEffect(contact, effect, at);
    }
    // The world answers at once; a real engine answers later, which the timeout covers.
    const waiting = r.enrollment.waitingFor;
    if (waiting?.type === "effect") {
      const effect = r.effects.find((e) => e.key === waiting.key);
      if (effect) awaiting.push({ effect, now });
    }
  };

  const trigger = input.start.trigger ?? graph.nodes.find(isTrigger)?.id ?? "";
  const startEvent = input.start.event;
  if (startEvent) history.push({ name: startEvent.name, at: startAt });
  run(
    {
      type: "start",
      trigger,
      ...(startEvent ? { event: toEvent(startEvent) } : {}),
    },
    startAt,
  );

  let next = 0;
  while (result.steps < maxSteps) {
    const e = result.enrollment;
    if (e.status === "exited" || e.status === "converted") break;
    const pending = awaiting.shift();
    if (pending) {
      const { effect, now } = pending;
      const answer = respond(effect);
      run({ type: "effect-result", key: effect.key, ...answer }, now);
      continue;
    }
    const wake = e.wakeAt === null ? Infinity : e.wakeAt;
    const ev = events[next];
    if (ev && ev.atMs <= wake && ev.atMs <= until) {
      next++;
      history.push({ name: ev.name, at: ev.atMs });
      run({ type: "event", event: toEvent(ev) }, ev.atMs);
    } else if (wake <= until) {
      run({ type: "timer" }, wake);
    } else break;
  }
  result.contact = contact;
  return result;
}

function toEvent(e: TimelineEvent): JourneyEvent {
  return { name: e.name, properties: e.properties ?? {} };
}

/** What the engine would do to the contact for an effect, reduced to what conditions read. */
function applyEffect(c: ContactSnapshot, effect: Effect, at: string): ContactSnapshot {
  switch (effect.type) {
    case "update-contact": {
      const points = typeof c.attributes.points === "number" ? c.attributes.points : 0;
      const attributes = { ...c.attributes, ...effect.set };
      if (effect.addPoints !== 0) attributes.points = points + effect.addPoints;
      const tags = [...new Set([...c.tags, ...effect.addTags])].filter(
        (t) => !effect.removeTags.includes(t),
      );
      return { ...c, attributes, tags };
    }
    case "move-stage":
      return {
        ...c,
        stages: { ...c.stages, [effect.funnel]: { stage: effect.stage, lost: false } },
      };
    case "mark-lost": {
      const stage = c.stages[effect.funnel]?.stage ?? "lost";
      return { ...c, stages: { ...c.stages, [effect.funnel]: { stage, lost: true } } };
    }
    case "send-email":
    case "send-message":
      return { ...c, recentSends: [...c.recentSends, at] };
    default:
      return c;
  }
}
