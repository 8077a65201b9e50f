import { JourneyNode, JourneySettings } from "@voronka/journey";

/** How the draft differs from the live version, counted the way a marketer thinks of it. */
export interface ChangeSummary {
  added: number;
  removed: number;
  edited: number;
  links: number;
  /** Journey-wide settings (quiet hours, send limit, re-entry…) differ. */
  settings: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const list = (graph: Record<string, unknown>, key: string) =>
  (Array.isArray(graph[key]) ? graph[key] : []).filter(isObject);

/** A step's settings as the engine reads them: published graphs carry the schema's defaults. */
function settings(n: Record<string, unknown>): string {
  const parsed = JourneyNode.safeParse(n);
  return JSON.stringify(parsed.success ? [parsed.data.type, parsed.data.data] : [n.type, n.data]);
}

/** Journey settings as the engine reads them (defaults filled in), to compare. */
function journeySettings(graph: Record<string, unknown>): string {
  const parsed = JourneySettings.safeParse(graph.settings ?? {});
  return JSON.stringify(parsed.success ? parsed.data : graph.settings);
}

/** Steps added, removed and re-configured, and arrows changed; moving a step is no change. */
export function summarizeChanges(
  live: Record<string, unknown>,
  draft: Record<string, unknown>,
): ChangeSummary {
  const before = new Map(list(live, "nodes").map((n) => [String(n.id), n]));
  const after = new Map(list(draft, "nodes").map((n) => [String(n.id), n]));
  let added = 0;
  let edited = 0;
  for (const [id, n] of after) {
    const old = before.get(id);
    if (!old) added++;
    else if (settings(old) !== settings(n)) edited++;
  }
  const removed = [...before.keys()].filter((id) => !after.has(id)).length;
  const key = (e: Record<string, unknown>) =>
    `${String(e.source)}|${String(e.sourceHandle ?? "out")}|${String(e.target)}`;
  const edgesBefore = new Set(list(live, "edges").map(key));
  const edgesAfter = new Set(list(draft, "edges").map(key));
  const links =
    [...edgesAfter].filter((k) => !edgesBefore.has(k)).length +
    [...edgesBefore].filter((k) => !edgesAfter.has(k)).length;
  return {
    added,
    removed,
    edited,
    links,
    settings: journeySettings(live) !== journeySettings(draft),
  };
}
