import type { z } from "zod";
import { NODE_CATALOGUE } from "../schema/catalogue.ts";
import { JourneyEdge, JourneySettings, SCHEMA_VERSION } from "../schema/graph.ts";
import { JourneyNode } from "../schema/nodes.ts";
import { formatPath, type Violation } from "./violations.ts";

/** A node as far as it could be read: structure checks run even when its data is invalid. */
export interface NodeInfo {
  id: string;
  type: string;
  index: number;
  /** The fully parsed node, or null when its data did not validate. */
  node: JourneyNode | null;
}

/** An edge that parsed. */
export interface EdgeInfo extends JourneyEdge {
  index: number;
}

/** What a lenient, piecewise parse recovered, plus the violations it found. */
export interface Recovered {
  nodes: NodeInfo[];
  edges: EdgeInfo[];
  settings: JourneySettings | null;
  violations: Violation[];
}

const KNOWN_TYPES = new Set<string>(NODE_CATALOGUE.map((e) => e.type));
const LABELS = new Map<string, string>(NODE_CATALOGUE.map((e) => [e.type, e.label]));

/** `“Send email” node n5`, for messages. */
export function describeNode(type: string, id: string): string {
  // Marketers see these messages beside the step itself, so they name the step by its label,
  // not by its internal id (the violation's nodeId points at it).
  const label = LABELS.get(type);
  return label ? `The “${label}” step` : `The step “${id}”`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (Array.isArray(cur) && typeof p === "number") cur = cur[p];
    else if (isRecord(cur) && typeof p === "string") cur = cur[p];
    else return undefined;
  }
  return cur;
}

/**
 * Parses the graph piece by piece so that one bad node does not hide the rest: each node and
 * edge is parsed on its own and zod issues become violations that name the node.
 */
export function recover(input: unknown): Recovered {
  const violations: Violation[] = [];
  const out: Recovered = { nodes: [], edges: [], settings: null, violations };
  if (!isRecord(input) || !Array.isArray(input.nodes) || !Array.isArray(input.edges)) {
    violations.push({
      code: "invalid-graph",
      message: "This is not a journey graph: expected an object with `nodes` and `edges` lists.",
    });
    return out;
  }
  if (input.schemaVersion !== SCHEMA_VERSION) {
    violations.push({
      code: "invalid-graph",
      message: `Unsupported graph format version ${JSON.stringify(input.schemaVersion)}; expected ${SCHEMA_VERSION}.`,
      path: "schemaVersion",
    });
  }
  input.nodes.forEach((raw, index) => {
    const info = recoverNode(raw, index, violations);
    if (info) out.nodes.push(info);
  });
  input.edges.forEach((raw, index) => {
    const r = JourneyEdge.safeParse(raw);
    if (r.success) out.edges.push({ ...r.data, index });
    else {
      const id = isRecord(raw) && typeof raw.id === "string" ? raw.id : undefined;
      violations.push({
        code: "invalid-edge",
        message: `Edge ${id ?? `#${index + 1}`} is malformed: ${r.error.issues[0]?.message ?? "invalid"}.`,
        ...(id === undefined ? {} : { edgeId: id }),
        path: `edges[${index}]`,
      });
    }
  });
  const s = JourneySettings.safeParse(input.settings ?? {});
  if (s.success) out.settings = s.data;
  else {
    for (const issue of s.error.issues) {
      violations.push({
        code: "invalid-settings",
        message: `Journey setting ${formatPath(issue.path) || "settings"}: ${issue.message}.`,
        path: formatPath(["settings", ...issue.path]),
      });
    }
  }
  return out;
}

function recoverNode(raw: unknown, index: number, violations: Violation[]): NodeInfo | null {
  const at = `nodes[${index}]`;
  if (
    !isRecord(raw) ||
    typeof raw.id !== "string" ||
    raw.id === "" ||
    typeof raw.type !== "string"
  ) {
    const id = isRecord(raw) && typeof raw.id === "string" && raw.id !== "" ? raw.id : undefined;
    violations.push({
      code: "invalid-node",
      message: `Node ${id ?? `#${index + 1}`} needs a non-empty id and a type.`,
      ...(id === undefined ? {} : { nodeId: id }),
      path: at,
    });
    return null;
  }
  const { id, type } = raw;
  if (!KNOWN_TYPES.has(type)) {
    violations.push({
      code: "unknown-node-type",
      message: `Node ${id} has unknown type “${type}”.`,
      nodeId: id,
      path: `${at}.type`,
    });
    return { id, type, index, node: null };
  }
  const r = JourneyNode.safeParse(raw);
  if (r.success) return { id, type, index, node: r.data };
  for (const issue of r.error.issues) violations.push(issueToViolation(raw, issue, id, type, at));
  return { id, type, index, node: null };
}

function issueToViolation(
  raw: Record<string, unknown>,
  issue: z.core.$ZodIssue,
  id: string,
  type: string,
  at: string,
): Violation {
  const path = `${at}.${formatPath(issue.path)}`;
  const who = describeNode(type, id);
  if (issue.path[0] !== "data") {
    return { code: "invalid-node", message: `${who}: ${issue.message}.`, nodeId: id, path };
  }
  const field = formatPath(issue.path.slice(1)) || "settings";
  const value = valueAt(raw, issue.path);
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) {
    return { code: "missing-config", message: `${who} is missing “${field}”.`, nodeId: id, path };
  }
  return {
    code: "invalid-config",
    message: `${who} has an invalid “${field}”: ${issue.message}.`,
    nodeId: id,
    path,
  };
}
