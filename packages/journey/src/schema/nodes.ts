import { z } from "zod";
import {
  AudienceNode,
  MarkLostNode,
  MoveStageNode,
  NotifyManagerNode,
  PromoCodeNode,
  SendEmailNode,
  SendMessageNode,
  UpdateContactNode,
  WebhookNode,
} from "./actions.ts";
import {
  ConditionNode,
  ExitNode,
  GoalNode,
  SplitNode,
  WaitForEventNode,
  WaitNode,
} from "./flow.ts";
import {
  TriggerAttributeNode,
  TriggerDateNode,
  TriggerEventNode,
  TriggerLeadNode,
  TriggerManualNode,
  TriggerSegmentNode,
  TriggerStageNode,
} from "./triggers.ts";

/** Every node of a journey graph, discriminated by `type`. */
export const JourneyNode = z.discriminatedUnion("type", [
  TriggerEventNode,
  TriggerLeadNode,
  TriggerStageNode,
  TriggerAttributeNode,
  TriggerDateNode,
  TriggerSegmentNode,
  TriggerManualNode,
  WaitNode,
  WaitForEventNode,
  ConditionNode,
  SplitNode,
  GoalNode,
  ExitNode,
  SendEmailNode,
  SendMessageNode,
  AudienceNode,
  MoveStageNode,
  MarkLostNode,
  UpdateContactNode,
  PromoCodeNode,
  WebhookNode,
  NotifyManagerNode,
]);
export type JourneyNode = z.infer<typeof JourneyNode>;

/** The `type` of a node. */
export type NodeType = JourneyNode["type"];

/** The node of a given type. */
export type NodeOf<T extends NodeType> = Extract<JourneyNode, { type: T }>;

/** All node types, in palette order. */
export const NODE_TYPES: readonly NodeType[] = JourneyNode.options.map((o) => o.shape.type.value);

/** Triggers: the ways a contact can enter a journey. */
export type TriggerNode = NodeOf<
  | "trigger-event"
  | "trigger-lead"
  | "trigger-stage"
  | "trigger-attribute"
  | "trigger-date"
  | "trigger-segment"
  | "trigger-manual"
>;

/** True for entry-point node types. */
export function isTriggerType(type: string): boolean {
  return type.startsWith("trigger-");
}

/** True for entry-point nodes. */
export function isTrigger(node: JourneyNode): node is TriggerNode {
  return isTriggerType(node.type);
}

/** True for node types that always hold a contact for a positive time (they break loops). */
export function isBlockingWait(node: JourneyNode): boolean {
  return node.type === "wait-for-event" || (node.type === "wait" && node.data.mode === "duration");
}
