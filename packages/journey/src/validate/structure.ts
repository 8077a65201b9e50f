import { hasOutputHandle } from "../schema/handles.ts";
import { isTriggerType } from "../schema/nodes.ts";
import { describeNode, type EdgeInfo, type NodeInfo } from "./parse.ts";
import type { Violation } from "./violations.ts";

/** Nodes by id (first wins) and the edges whose ends both exist. */
export interface Topology {
  byId: Map<string, NodeInfo>;
  /** Source id → targets, over edges that connect two existing nodes. */
  adjacency: Map<string, string[]>;
}

/**
 * Checks ids, edges and handles, triggers and reachability. Every violation names the node it
 * is about (for an edge: its source, or its target when the source does not exist).
 */
export function checkStructure(
  nodes: readonly NodeInfo[],
  edges: readonly EdgeInfo[],
  out: Violation[],
): Topology {
  const byId = new Map<string, NodeInfo>();
  for (const n of nodes) {
    if (byId.has(n.id)) {
      out.push({
        code: "duplicate-node-id",
        message: `Two nodes have the id ${n.id}; each node needs its own.`,
        nodeId: n.id,
        path: `nodes[${n.index}].id`,
      });
    } else byId.set(n.id, n);
  }

  const adjacency = new Map<string, string[]>();
  const edgeIds = new Set<string>();
  const usedHandles = new Set<string>();
  const hasOutgoing = new Set<string>();
  for (const e of edges) {
    const path = `edges[${e.index}]`;
    if (edgeIds.has(e.id)) {
      out.push({
        code: "duplicate-edge-id",
        message: `Two edges have the id ${e.id}.`,
        nodeId: e.source,
        edgeId: e.id,
        path,
      });
    }
    edgeIds.add(e.id);
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) {
      const missing = !source ? e.source : e.target;
      out.push({
        code: "dangling-edge",
        message: `Edge ${e.id} connects to node ${missing}, which does not exist.`,
        nodeId: source ? e.source : e.target,
        edgeId: e.id,
        path,
      });
      continue;
    }
    const who = describeNode(source.type, source.id);
    if (source.node && !hasOutputHandle(source.node, e.sourceHandle)) {
      out.push({
        code: "unknown-handle",
        message: `${who} has no output “${e.sourceHandle}”; reconnect edge ${e.id}.`,
        nodeId: source.id,
        edgeId: e.id,
        path: `${path}.sourceHandle`,
      });
      continue;
    }
    const handleKey = `${e.source}\u0000${e.sourceHandle}`;
    if (usedHandles.has(handleKey)) {
      out.push({
        code: "duplicate-handle",
        message: `${who} has more than one edge leaving its “${e.sourceHandle}” output; keep one.`,
        nodeId: source.id,
        edgeId: e.id,
        path,
      });
      continue;
    }
    usedHandles.add(handleKey);
    if (isTriggerType(target.type)) {
      out.push({
        code: "edge-into-trigger",
        message: `Edge ${e.id} leads into ${describeNode(target.type, target.id).replace(/^The/, "the")}; triggers can only start a journey.`,
        nodeId: target.id,
        edgeId: e.id,
        path,
      });
      continue;
    }
    hasOutgoing.add(e.source);
    const list = adjacency.get(e.source);
    if (list) list.push(e.target);
    else adjacency.set(e.source, [e.target]);
  }

  const triggers = [...byId.values()].filter((n) => isTriggerType(n.type));
  if (triggers.length === 0) {
    out.push({
      code: "no-trigger",
      message: "Add a trigger: without one, no contact can enter this journey.",
    });
  }
  for (const t of triggers) {
    if (!hasOutgoing.has(t.id)) {
      out.push({
        code: "trigger-not-connected",
        message: `${describeNode(t.type, t.id)} is not connected to anything.`,
        nodeId: t.id,
        path: `nodes[${t.index}]`,
      });
    }
  }

  const reached = new Set<string>(triggers.map((t) => t.id));
  const queue = [...reached];
  for (let i = 0; i < queue.length; i++) {
    for (const next of adjacency.get(queue[i] ?? "") ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  if (triggers.length > 0) {
    for (const n of byId.values()) {
      if (!reached.has(n.id)) {
        out.push({
          code: "unreachable-node",
          message: `${describeNode(n.type, n.id)} cannot be reached from any trigger.`,
          nodeId: n.id,
          path: `nodes[${n.index}]`,
        });
      }
    }
  }
  return { byId, adjacency };
}
