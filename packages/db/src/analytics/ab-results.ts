import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { journeyVersionsOf, nodeLabel } from "./journey-report.ts";
import type { DateRange } from "./range.ts";
import {
  differenceInterval,
  probabilityBest,
  sampleSizePerArm,
  twoProportionZTest,
} from "./stats.ts";

export interface AbArm {
  /** Branch id, or `holdout`. */
  id: string;
  name: string;
  holdout: boolean;
  contacts: number;
  conversions: number;
  rate: number | null;
  /** Against the baseline (the holdout when there is one, else the first branch). */
  uplift: number | null;
  /** 95% interval of the rate difference to the baseline (absolute, e.g. 0.012 = 1.2 points). */
  diffLow: number | null;
  diffHigh: number | null;
  /** Two-proportion z-test against the baseline, two-sided. */
  pValue: number | null;
  /** Posterior probability of having the highest rate among the branches (holdout excluded). */
  probabilityBest: number | null;
}

export interface AbSplit {
  nodeId: string;
  label: string;
  baseline: string;
  arms: AbArm[];
  /** Contacts per arm needed to see a 20% relative uplift (α = 0.05, power 0.8). */
  requiredPerArm: number | null;
  /** True while any arm has fewer contacts than `requiredPerArm` (or no baseline rate yet). */
  thinData: boolean;
  /** The branch with P(best) ≥ 0.95 when data are not thin, else null. */
  leader: string | null;
}

/**
 * A/B results per split node of a journey, for enrollments started in `range`: each branch's
 * (and the holdout's) conversion to the journey goal, compared with the baseline. The branch a
 * run took is the one recorded in its state (`branches[splitId]`), across all published
 * versions that have the split. Null when the journey is not in the workspace.
 */
export async function abResults(
  db: Db,
  workspaceId: string,
  journeyId: string,
  range: DateRange,
): Promise<AbSplit[] | null> {
  const head = await journeyVersionsOf(db, workspaceId, journeyId);
  if (!head) return null;
  // The newest version's definition of each split names its branches.
  const splits = new Map<
    string,
    { label: string; branches: { id: string; name: string }[]; holdout: boolean }
  >();
  for (const v of head.versions) {
    for (const n of v.graph.nodes) {
      if (n.type !== "split") continue;
      const branches = Array.isArray(n.data?.branches)
        ? (n.data.branches as Array<{ id: string; name: string }>)
        : [];
      splits.set(n.id, { label: nodeLabel(n), branches, holdout: !!n.data?.holdout });
    }
  }
  if (splits.size === 0) return [];
  const ids = [...splits.keys()];
  const rows = await db.execute<{ node: string; arm: string; n: number; conv: number }>(sql`
    select s.node, e.state->'branches'->>s.node as arm, count(*)::int as n,
           count(*) filter (where e.status = 'converted')::int as conv
    from enrollments e
    cross join unnest(${sql.param(ids)}::text[]) as s(node)
    where e.workspace_id = ${workspaceId} and e.journey_id = ${journeyId}
      and e.started_at >= ${range.from.toISOString()} and e.started_at < ${range.to.toISOString()}
      and e.state->'branches'->>s.node is not null
    group by 1, 2`);
  return ids.map((nodeId) => {
    const split = splits.get(nodeId) ?? { label: nodeId, branches: [], holdout: false };
    const counts = new Map(
      rows.rows.filter((r) => r.node === nodeId).map((r) => [r.arm, r] as const),
    );
    const arms = [
      ...split.branches.map((b) => ({ id: b.id, name: b.name, holdout: false })),
      ...(split.holdout || counts.has("holdout")
        ? [{ id: "holdout", name: "Holdout", holdout: true }]
        : []),
    ].map((a) => ({
      ...a,
      contacts: counts.get(a.id)?.n ?? 0,
      conversions: counts.get(a.id)?.conv ?? 0,
    }));
    return compareArms(nodeId, split.label, arms);
  });
}

/** The statistics of one split from its arms' counts (pure; exported for tests). */
export function compareArms(
  nodeId: string,
  label: string,
  arms: Array<{
    id: string;
    name: string;
    holdout: boolean;
    contacts: number;
    conversions: number;
  }>,
): AbSplit {
  const base = arms.find((a) => a.holdout) ?? arms[0];
  const branches = arms.filter((a) => !a.holdout);
  const best = probabilityBest(
    branches.map((b) => ({ conversions: b.conversions, total: b.contacts })),
  );
  const bestOf = new Map(branches.map((b, i) => [b.id, best[i] ?? null]));
  const baseRate = base && base.contacts > 0 ? base.conversions / base.contacts : null;
  const out: AbArm[] = arms.map((a) => {
    const rate = a.contacts > 0 ? a.conversions / a.contacts : null;
    const isBase = a === base;
    const test =
      !isBase && base
        ? twoProportionZTest(
            { conversions: a.conversions, total: a.contacts },
            { conversions: base.conversions, total: base.contacts },
          )
        : null;
    const ci =
      !isBase && base
        ? differenceInterval(
            { conversions: a.conversions, total: a.contacts },
            { conversions: base.conversions, total: base.contacts },
          )
        : null;
    return {
      ...a,
      rate,
      uplift: !isBase && rate !== null && baseRate ? (rate - baseRate) / baseRate : null,
      diffLow: ci?.low ?? null,
      diffHigh: ci?.high ?? null,
      pValue: test?.pValue ?? null,
      probabilityBest: a.holdout ? null : (bestOf.get(a.id) ?? null),
    };
  });
  const requiredPerArm = baseRate === null ? null : sampleSizePerArm(baseRate);
  const thinData =
    requiredPerArm === null || arms.some((a) => a.contacts < requiredPerArm) || arms.length < 2;
  const top = out.find((a) => (a.probabilityBest ?? 0) >= 0.95);
  return {
    nodeId,
    label,
    baseline: base?.id ?? "",
    arms: out,
    requiredPerArm,
    thinData,
    leader: !thinData && top ? top.id : null,
  };
}
