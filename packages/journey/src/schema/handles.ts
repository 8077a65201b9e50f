import { assertNever } from "../assert-never.ts";
import type { JourneyNode } from "./nodes.ts";

/** The single output of most nodes. */
export const OUT = "out";

/** An output handle with the label the editor shows next to it. */
export interface OutputHandle {
  id: string;
  label: string;
}

const OUT_HANDLE: readonly OutputHandle[] = [{ id: OUT, label: "Next" }];
const NONE: readonly OutputHandle[] = [];
const YES_NO: readonly OutputHandle[] = [
  { id: "yes", label: "Yes" },
  { id: "no", label: "No" },
];
const EVENT_TIMEOUT: readonly OutputHandle[] = [
  { id: "event", label: "Event happened" },
  { id: "timeout", label: "Timed out" },
];

/**
 * The output handles of a node, in display order. Edges must leave from one of these; an
 * unconnected handle ends the contact's run there (an implicit exit).
 *
 * - condition: `yes` / `no`; wait-for-event: `event` / `timeout`;
 * - split: one handle per branch id, plus `holdout` when a holdout is set;
 * - exit: none; everything else: `out`.
 */
export function outputHandles(node: JourneyNode): readonly OutputHandle[] {
  switch (node.type) {
    case "condition":
      return YES_NO;
    case "wait-for-event":
      return EVENT_TIMEOUT;
    case "split": {
      const branches = node.data.branches.map((b) => ({ id: b.id, label: b.name }));
      return node.data.holdout ? [...branches, { id: "holdout", label: "Holdout" }] : branches;
    }
    case "exit":
      return NONE;
    case "trigger-event":
    case "trigger-lead":
    case "trigger-stage":
    case "trigger-attribute":
    case "trigger-date":
    case "trigger-segment":
    case "trigger-manual":
    case "wait":
    case "goal":
    case "send-email":
    case "send-message":
    case "audience":
    case "move-stage":
    case "mark-lost":
    case "update-contact":
    case "promo-code":
    case "webhook":
    case "notify-manager":
      return OUT_HANDLE;
    default:
      return assertNever(node, "node type");
  }
}

/** True when `handle` is an output handle of `node`. */
export function hasOutputHandle(node: JourneyNode, handle: string): boolean {
  return outputHandles(node).some((h) => h.id === handle);
}
