import { assertNever } from "../assert-never.ts";
import type { Effect } from "../effects.ts";
import {
  eventMatches,
  exitRuleHit,
  goalReachedByCondition,
  goalReachedByEvent,
} from "../policies/goal.ts";
import type { GoalNode } from "../schema/flow.ts";
import type { JourneyGraph } from "../schema/graph.ts";
import { isTrigger } from "../schema/nodes.ts";
import type { ContactSnapshot, Enrollment, JourneyEvent, Json, StepInput } from "../types.ts";
import { compile } from "./compile.ts";
import { execute } from "./execute.ts";
import { enter, finish, MAX_NODES_PER_STEP, openRun, type Run, updateContext } from "./run.ts";

/** What one step produced. */
export interface StepResult {
  /** The new state to store (a new object; the input is not mutated). */
  enrollment: Enrollment;
  /** Effects to write to the outbox, in order. */
  effects: Effect[];
  /** Nodes entered during the step, in order (for per-node counts and the harness's path). */
  visited: string[];
}

/**
 * Advances an enrollment by one input: runs through consecutive nodes until the run waits (for
 * time, an event or an effect result) or ends. Pure and deterministic: same arguments, same
 * result, same effect keys — so a re-run after a crash is harmless.
 *
 * Inputs that do not apply (a timer before `wakeAt`, an event nobody waits for, anything after
 * the end) return the enrollment unchanged with no effects.
 *
 * @param graph a parsed graph; keep the same object per version so its index is reused.
 * @param now epoch milliseconds.
 */
export function step(
  graph: JourneyGraph,
  enrollment: Enrollment,
  input: StepInput,
  now: number,
  contact: ContactSnapshot,
): StepResult {
  if (enrollment.status === "exited" || enrollment.status === "converted") {
    return { enrollment, effects: [], visited: [] };
  }
  const run = openRun(compile(graph), enrollment, contact, now);
  switch (input.type) {
    case "start":
      onStart(run, input.trigger, input.event ?? null);
      break;
    case "timer":
      onTimer(run);
      break;
    case "event":
      onEvent(run, input.event);
      break;
    case "effect-result":
      onEffectResult(run, input.key, input.ok, input.value);
      break;
    default:
      assertNever(input, "step input");
  }
  if (run.count === 0 && run.effects.length === 0 && run.e.status === enrollment.status) {
    // Nothing applied: hand back the original object so callers can skip the write.
    return { enrollment, effects: [], visited: [] };
  }
  return { enrollment: run.e, effects: run.effects, visited: run.visited };
}

function onStart(run: Run, triggerId: string, event: JourneyEvent | null): void {
  if (run.e.node !== null) return;
  const trigger = run.g.nodes.get(triggerId);
  run.e.status = "active";
  if (!trigger || !isTrigger(trigger)) {
    run.count++;
    finish(run, triggerId, "exited", "error:unknown-trigger");
    return;
  }
  if (event) updateContext(run, { event });
  enter(run, triggerId);
  advance(run);
}

function onTimer(run: Run): void {
  const { e } = run;
  if (e.status !== "waiting" || e.wakeAt === null || e.wakeAt > run.now) return;
  if (convertOnCondition(run)) return;
  const node = e.node === null ? undefined : run.g.nodes.get(e.node);
  resume(run);
  if (!node || node.type === "send-email" || node.type === "send-message") {
    // A send held by quiet hours or the frequency cap is tried again, same visit (a missing
    // node ends the run as an error inside advance).
    advance(run);
  } else if (node.type === "wait-for-event") {
    follow(run, node.id, "timeout");
  } else {
    // A finished wait, or an effect result that never came: go on without it.
    follow(run, node.id, "out");
  }
}

function onEvent(run: Run, event: JourneyEvent): void {
  const { e, g, contact } = run;
  if (e.status !== "waiting") return;
  const goal = goalReachedByEvent(g.eventGoals, event, contact);
  if (goal) {
    convert(run, goal);
    return;
  }
  const exitRule = exitRuleHit(g.graph.settings, event, contact);
  if (exitRule) {
    resume(run);
    run.count++;
    finish(run, e.node ?? "journey", "exited", `exit-event:${exitRule.event}`);
    return;
  }
  if (convertOnCondition(run)) return;
  if (e.waitingFor?.type !== "event" || e.node === null) return;
  const node = g.nodes.get(e.node);
  if (node?.type !== "wait-for-event" || !eventMatches(node.data, event, contact)) return;
  resume(run);
  updateContext(run, { event });
  follow(run, node.id, "event");
}

function onEffectResult(run: Run, key: string, ok: boolean, value: Json | undefined): void {
  const { e } = run;
  if (e.status !== "waiting" || e.waitingFor?.type !== "effect" || e.waitingFor.key !== key) return;
  const node = e.node === null ? undefined : run.g.nodes.get(e.node);
  resume(run);
  if (!node) {
    advance(run);
    return;
  }
  if (ok && node.type === "promo-code" && value !== undefined && value !== null) {
    const promoCodes = { ...e.context.promoCodes, [node.data.saveAs]: String(value) };
    updateContext(run, { promoCodes });
  }
  if (ok && node.type === "webhook" && node.data.saveAs !== undefined) {
    const results = { ...e.context.results, [node.data.saveAs]: value ?? null };
    updateContext(run, { results });
  }
  follow(run, node.id, "out");
}

function resume(run: Run): void {
  run.e.status = "active";
  run.e.wakeAt = null;
  run.e.waitingFor = null;
}

function convertOnCondition(run: Run): boolean {
  if (run.g.conditionGoals.length === 0) return false;
  const goal = goalReachedByCondition(run.g.conditionGoals, run.scope);
  if (!goal) return false;
  convert(run, goal);
  return true;
}

function convert(run: Run, goal: GoalNode): void {
  resume(run);
  enter(run, goal.id);
  run.count++;
  finish(run, goal.id, "converted", goal.data.name);
}

/** Leaves `fromId` by `handle`; an unconnected handle ends the run there. */
function follow(run: Run, fromId: string, handle: string): void {
  const target = run.g.next.get(fromId)?.[handle];
  if (target === undefined) {
    run.count++;
    finish(run, fromId, "exited", handle === "holdout" ? "holdout" : "end-of-path");
    return;
  }
  enter(run, target);
  advance(run);
}

/** Executes nodes from the current one while the run stays active. */
function advance(run: Run): void {
  while (run.e.status === "active") {
    const id = run.e.node;
    const node = id === null ? undefined : run.g.nodes.get(id);
    if (++run.count > MAX_NODES_PER_STEP) {
      finish(run, id ?? "journey", "exited", "error:step-limit");
      return;
    }
    if (!node) {
      finish(run, id ?? "journey", "exited", "error:missing-node");
      return;
    }
    const handle = execute(run, node);
    if (handle === null) return;
    const target = run.g.next.get(node.id)?.[handle];
    if (target === undefined) {
      finish(run, node.id, "exited", handle === "holdout" ? "holdout" : "end-of-path");
      return;
    }
    enter(run, target);
  }
}
