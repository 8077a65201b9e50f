import { type Effect, type Enrollment, type StepInput, step } from "@voronka/journey";
import type { LoadedVersion } from "./graphs.ts";
import { type ContactWorld, snapshotAt } from "./snapshots.ts";

/** An input read from the inbox, with its logical time (ms). */
export interface TimedInput {
  input: StepInput;
  at: number;
}

/** One `step()` that changed something. */
export interface AppliedStep {
  at: number;
  before: Enrollment;
  after: Enrollment;
  effects: Effect[];
  visited: string[];
}

/** Most steps one enrollment takes in one batch (a long-down engine catching up on timers). */
const MAX_STEPS_PER_BATCH = 200;

/**
 * Applies an enrollment's pending inputs and due timers in logical-time order, as the pure
 * harness does: an input at or before the wake time goes first, then the timer. Timers run at
 * their own `wakeAt`, not at the sweep time, so a re-run or a late sweep computes the same
 * states and effect keys. Nothing runs before `notBefore` (the journey's last resume).
 */
export function runInputs(
  version: LoadedVersion,
  state: Enrollment,
  inputs: readonly TimedInput[],
  world: ContactWorld,
  now: number,
  notBefore: number,
): { state: Enrollment; steps: AppliedStep[] } {
  const steps: AppliedStep[] = [];
  const queue = [...inputs];
  let e: Enrollment = state;
  for (let i = 0; i < MAX_STEPS_PER_BATCH; i++) {
    const next = queue[0];
    const wake = e.status === "waiting" && e.wakeAt !== null ? e.wakeAt : Infinity;
    let input: StepInput;
    let at: number;
    if (next && (next.at <= wake || wake > now)) {
      queue.shift();
      input = next.input;
      at = next.at;
    } else if (wake <= now) {
      input = { type: "timer" };
      at = wake;
    } else break;
    at = Math.max(at, notBefore);
    const r = step(version.graph, e, input, at, snapshotAt(world, version.countQueries, at));
    if (r.enrollment === e && r.effects.length === 0) continue;
    steps.push({ at, before: e, after: r.enrollment, effects: r.effects, visited: r.visited });
    applyToWorld(world, r.effects, at);
    e = r.enrollment;
  }
  return { state: e, steps };
}

/**
 * Mirrors effects on the in-memory contact, so later steps in the batch (of this or another
 * enrollment of the same contact) see them — the same reduction the harness applies.
 */
function applyToWorld(world: ContactWorld, effects: readonly Effect[], at: number): void {
  let c = world.base;
  for (const effect of effects) {
    switch (effect.type) {
      case "update-contact": {
        const points = typeof c.attributes.points === "number" ? c.attributes.points : 0;
        const attributes = { ...c.attributes, ...effect.set };
        if (effect.addPoints !== 0) attributes.points = points + effect.addPoints;
        const tags = [...new Set([...c.tags, ...effect.addTags])].filter(
          (t) => !effect.removeTags.includes(t),
        );
        c = { ...c, attributes, tags };
        break;
      }
      case "move-stage":
        c = {
          ...c,
          stages: { ...c.stages, [effect.funnel]: { stage: effect.stage, lost: false } },
        };
        break;
      case "mark-lost": {
        const stage = c.stages[effect.funnel]?.stage ?? "lost";
        c = { ...c, stages: { ...c.stages, [effect.funnel]: { stage, lost: true } } };
        break;
      }
      case "send-email":
      case "send-message":
        world.sendTimes.push(at);
        break;
      default:
        break;
    }
  }
  world.base = c;
}
