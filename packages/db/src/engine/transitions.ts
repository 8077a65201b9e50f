import type { Effect } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { isInternal } from "./outbox.ts";
import { GroupTable } from "./run-groups.ts";
import type { AppliedStep } from "./run-inputs.ts";

type Outcome = "passed" | "exited" | "converted";

/**
 * The history row of one step, in the shape of the insert's JSON parameter (short keys: less
 * to send and parse): the visited nodes, all entered and left at the step's time and `passed`
 * except the last, where the step stopped, which leaves with `l`/`o` — null while the run waits
 * there. Stored as one `journey_transitions` row (`passed_nodes` and `node_id`), with the
 * step's internal effects (`effects`): applied in the step's own transaction, they are not
 * outbox work, and this row is their record.
 */
interface NewRows {
  /** The run's (workspace, journey, version) in {@link TransitionLog}'s group table. */
  g: number;
  e: string;
  /** Visited nodes, in order. */
  n: string[];
  /** Entered (epoch ms). */
  a: number;
  /** The last node: left (epoch ms), null while the run waits there. */
  l: number | null;
  o: Outcome | null;
  /** The step's internal effects (stage moves, lost marks, contact updates), or null. */
  x: Effect[] | null;
}

/** The transition writes of one batch, collected in memory and written set-based. */
export class TransitionLog {
  private readonly closes: {
    workspaceId: string;
    enrollmentId: string;
    at: number;
    outcome: Outcome;
  }[] = [];
  private readonly rows: NewRows[] = [];
  private readonly groups = new GroupTable();

  /**
   * Records the node visits of one enrollment's steps. A node where the run waits stays open
   * (no `left_at`) until a later step leaves it; `openInDb` says whether the run was already
   * waiting somewhere before this batch.
   */
  add(
    ref: { workspaceId: string; journeyId: string; version: number; enrollmentId: string },
    steps: readonly AppliedStep[],
    openInDb: boolean,
  ): void {
    let dbOpen = openInDb;
    let open: NewRows | null = null;
    for (const s of steps) {
      const ended = s.after.status === "exited" || s.after.status === "converted";
      if (s.visited.length === 0 && !ended) continue;
      const final: Outcome = s.after.status === "converted" ? "converted" : "exited";
      const leaving: Outcome = s.visited.length > 0 ? "passed" : final;
      if (open) {
        open.l = s.at;
        open.o = leaving;
        open = null;
      } else if (dbOpen) {
        this.closes.push({
          workspaceId: ref.workspaceId,
          enrollmentId: ref.enrollmentId,
          at: s.at,
          outcome: leaving,
        });
      }
      dbOpen = false;
      if (s.visited.length === 0) continue;
      const internal = s.effects.filter(isInternal);
      const rows: NewRows = {
        g: this.groups.of(ref.workspaceId, ref.journeyId, ref.version),
        e: ref.enrollmentId,
        n: s.visited,
        a: s.at,
        l: ended ? s.at : null,
        o: ended ? final : null,
        x: internal.length > 0 ? internal : null,
      };
      if (!ended) open = rows;
      this.rows.push(rows);
    }
  }

  /** Closes the rows left open before this batch, then inserts the new ones. */
  async write(tx: Tx): Promise<void> {
    const c = this.closes;
    if (c.length > 0) {
      await tx.execute(sql`
        update journey_transitions t set left_at = u.at, outcome = u.outcome
        from unnest(${pgArray(c.map((x) => x.workspaceId))}::uuid[], ${pgArray(c.map((x) => x.enrollmentId))}::uuid[],
                    ${pgArray(c.map((x) => new Date(x.at).toISOString()))}::timestamptz[], ${pgArray(c.map((x) => x.outcome))}::text[])
          as u(workspace_id, enrollment_id, at, outcome)
        where t.workspace_id = u.workspace_id and t.enrollment_id = u.enrollment_id and t.left_at is null`);
    }
    if (this.rows.length === 0) return;
    // One JSON parameter for the whole batch (V8's native stringify, no array escaping) and
    // one row per step: the nodes it passed through, and the one it stopped at.
    const g = this.groups.columns(sql`u.g`);
    await tx.execute(sql`
      insert into journey_transitions (workspace_id, journey_id, version, enrollment_id, node_id, passed_nodes, entered_at, left_at, outcome, effects)
      select ${g.workspaceId}, ${g.journeyId}, ${g.version}, u.e, u.n[cardinality(u.n)], u.n[1:cardinality(u.n) - 1],
             to_timestamp(u.a / 1000), to_timestamp(u.l / 1000), u.o, u.x
      from json_to_recordset(${JSON.stringify(this.rows)}::json)
        as u(g int, e uuid, n text[], a float8, l float8, o text, x json)`);
  }
}
