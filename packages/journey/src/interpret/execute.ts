import { assertNever } from "../assert-never.ts";
import { evaluate } from "../condition/evaluate.ts";
import { pickWeighted } from "../hash.ts";
import { frequencyCapDecision } from "../policies/frequency-cap.ts";
import { eventMatches } from "../policies/goal.ts";
import { quietHoursDecision } from "../policies/quiet-hours.ts";
import { durationMs, MessageChannel } from "../schema/common.ts";
import type { JourneyNode, NodeOf } from "../schema/nodes.ts";
import { addDuration } from "../time/arithmetic.ts";
import {
  assignBranch,
  finish,
  keyFor,
  overlayAttributes,
  overlayStage,
  park,
  type Run,
} from "./run.ts";
import { waitUntil } from "./waits.ts";

/** How long a run waits for an effect result (promo code, webhook reply) before going on. */
export const EFFECT_RESULT_TIMEOUT_MS = 60 * 60_000;

/**
 * Executes one node. Returns the output handle to follow, or `null` when the run parked or
 * ended at this node.
 */
export function execute(run: Run, node: JourneyNode): string | null {
  const tz = run.contact.timeZone;
  switch (node.type) {
    case "trigger-event":
    case "trigger-lead":
    case "trigger-stage":
    case "trigger-attribute":
    case "trigger-date":
    case "trigger-segment":
    case "trigger-manual":
      return "out";
    case "wait": {
      const until = waitUntil(node.data, run.now, tz, run.scope.attributes);
      if (until === null || until <= run.now) return "out";
      park(run, node.id, until, { type: "time" });
      return null;
    }
    case "wait-for-event":
      park(run, node.id, addDuration(run.now, node.data.timeout, tz), {
        type: "event",
        event: node.data.event,
      });
      return null;
    case "condition":
      return evaluate(node.data.condition, run.scope) ? "yes" : "no";
    case "split":
      return splitArm(run, node);
    case "goal":
      if (goalMetInFlow(run, node)) {
        finish(run, node.id, "converted", node.data.name);
        return null;
      }
      return "out";
    case "exit":
      finish(run, node.id, "exited", node.data.reason ?? "exit");
      return null;
    case "send-email":
    case "send-message":
      return send(run, node);
    case "audience":
      run.effects.push({
        type: "audience",
        key: keyFor(run, node.id, "audience"),
        nodeId: node.id,
        audienceId: node.data.audienceId,
        action: node.data.action,
      });
      return "out";
    case "move-stage":
      run.effects.push({
        type: "move-stage",
        key: keyFor(run, node.id, "move-stage"),
        nodeId: node.id,
        funnel: node.data.funnel,
        stage: node.data.stage,
      });
      overlayStage(run, node.data.funnel, node.data.stage, false);
      return "out";
    case "mark-lost":
      run.effects.push({
        type: "mark-lost",
        key: keyFor(run, node.id, "mark-lost"),
        nodeId: node.id,
        funnel: node.data.funnel,
        reason: node.data.reason,
      });
      overlayStage(run, node.data.funnel, "", true);
      return "out";
    case "update-contact": {
      const { set, addTags, removeTags, addPoints } = node.data;
      const key = keyFor(run, node.id, "update-contact");
      run.effects.push({
        type: "update-contact",
        key,
        nodeId: node.id,
        set,
        addTags,
        removeTags,
        addPoints,
      });
      if (Object.keys(set).length > 0) overlayAttributes(run, set);
      return "out";
    }
    case "promo-code": {
      const { discountPercent, poolId, validFor } = node.data;
      const key = keyFor(run, node.id, "promo");
      run.effects.push({
        type: "issue-promo-code",
        key,
        nodeId: node.id,
        discountPercent,
        poolId,
        expiresAt:
          validFor === undefined
            ? undefined
            : new Date(addDuration(run.now, validFor, tz)).toISOString(),
      });
      park(run, node.id, run.now + EFFECT_RESULT_TIMEOUT_MS, { type: "effect", key });
      return null;
    }
    case "webhook": {
      const { url, method, body, awaitResponse } = node.data;
      const key = keyFor(run, node.id, "webhook");
      run.effects.push({ type: "webhook", key, nodeId: node.id, url, method, body, awaitResponse });
      if (!awaitResponse) return "out";
      park(run, node.id, run.now + EFFECT_RESULT_TIMEOUT_MS, { type: "effect", key });
      return null;
    }
    case "notify-manager": {
      const { via, assignee, message } = node.data;
      const key = keyFor(run, node.id, "notify");
      run.effects.push({ type: "notify-manager", key, nodeId: node.id, via, assignee, message });
      return "out";
    }
    default:
      return assertNever(node, "node type");
  }
}

/** Reached in the flow: met when its condition holds or the event that moved the run is its. */
function goalMetInFlow(run: Run, node: NodeOf<"goal">): boolean {
  const { condition, event } = node.data;
  if (condition && evaluate(condition, run.scope)) return true;
  const last = run.e.context.event;
  return event !== undefined && last !== null && eventMatches(event, last, run.contact);
}

function splitArm(run: Run, node: NodeOf<"split">): string | null {
  const sticky = run.e.branches[node.id];
  if (sticky !== undefined) return sticky;
  const { branches, holdout } = node.data;
  const arms = holdout ? [...branches, { id: "holdout", weight: holdout.weight }] : branches;
  const arm = pickWeighted(run.contact.id, node.id, arms) ?? "holdout";
  assignBranch(run, node.id, arm);
  return arm;
}

/** Sends respect consent, then quiet hours, then the frequency cap — in that order. */
function send(run: Run, node: NodeOf<"send-email"> | NodeOf<"send-message">): string | null {
  const channel = node.type === "send-email" ? "email" : node.data.channel;
  // Without consent the message is skipped, not held: the contact goes on through the journey.
  // The preferred channel is resolved when the message goes out; the dispatcher checks its
  // consent then, so here any messenger/SMS consent lets it through.
  const consented =
    channel === "preferred"
      ? MessageChannel.options.some((c) => run.contact.consent[c] === true)
      : run.contact.consent[channel] === true;
  if (!consented) return "out";
  const { quietHours, frequencyCap } = run.g.graph.settings;
  if (quietHours) {
    const d = quietHoursDecision(quietHours, run.contact.timeZone, run.now);
    if (!d.send) {
      park(run, node.id, d.until, { type: "time" });
      return null;
    }
  }
  if (frequencyCap) {
    run.sends ??= parseSends(run.contact.recentSends, run.now - durationMs(frequencyCap.per));
    const d = frequencyCapDecision(frequencyCap, run.sends, run.now);
    if (!d.send) {
      park(run, node.id, d.until, { type: "time" });
      return null;
    }
    run.sends.push(run.now);
  }
  const vars = run.e.context.promoCodes;
  const key = keyFor(run, node.id, "send");
  if (node.type === "send-email") {
    const { templateId, subject } = node.data;
    run.effects.push({ type: "send-email", key, nodeId: node.id, templateId, subject, vars });
  } else {
    const { channel, templateId, text } = node.data;
    run.effects.push({
      type: "send-message",
      key,
      nodeId: node.id,
      channel,
      templateId,
      text,
      vars,
    });
  }
  return "out";
}

function parseSends(iso: readonly string[], since: number): number[] {
  const out: number[] = [];
  for (const s of iso) {
    const t = Date.parse(s);
    if (t > since) out.push(t);
  }
  return out;
}
