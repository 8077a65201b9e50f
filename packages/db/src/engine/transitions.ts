import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import type { AppliedStep } from "./run-inputs.ts";

type Outcome = "passed" | "exited" | "converted";

interface NewRow {
  nodeId: string;
  enteredAt: number;
  leftAt: number | null;
  outcome: Outcome | null;
}

/** The transition writes of one batch, collected in memory and written set-based. */
export class TransitionLog {
  private readonly closes: {
    workspaceId: string;
    enrollmentId: string;
    at: number;
    outcome: Outcome;
  }[] = [];
  private readonly rows: (NewRow & {
    workspaceId: string;
    journeyId: string;
    version: number;
    enrollmentId: string;
  })[] = [];

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
    let open: NewRow | null = null;
    for (const s of steps) {
      const ended = s.after.status === "exited" || s.after.status === "converted";
      if (s.visited.length === 0 && !ended) continue;
      const final: Outcome = s.after.status === "converted" ? "converted" : "exited";
      const leaving: Outcome = s.visited.length > 0 ? "passed" : final;
      if (open) {
        open.leftAt = s.at;
        open.outcome = leaving;
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
      for (const [i, nodeId] of s.visited.entries()) {
        const last = i === s.visited.length - 1;
        const row: NewRow = { nodeId, enteredAt: s.at, leftAt: s.at, outcome: "passed" };
        if (last && ended) row.outcome = final;
        if (last && !ended) {
          row.leftAt = null;
          row.outcome = null;
          open = row;
        }
        this.rows.push({ ...ref, ...row });
      }
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
    const r = this.rows;
    if (r.length === 0) return;
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    await tx.execute(sql`
      insert into journey_transitions (workspace_id, journey_id, version, enrollment_id, node_id, entered_at, left_at, outcome)
      select * from unnest(
        ${pgArray(r.map((x) => x.workspaceId))}::uuid[], ${pgArray(r.map((x) => x.journeyId))}::uuid[],
        ${pgArray(r.map((x) => x.version))}::int[], ${pgArray(r.map((x) => x.enrollmentId))}::uuid[],
        ${pgArray(r.map((x) => x.nodeId))}::text[], ${pgArray(r.map((x) => iso(x.enteredAt)))}::timestamptz[],
        ${pgArray(r.map((x) => iso(x.leftAt)))}::timestamptz[], ${pgArray(r.map((x) => x.outcome))}::text[])`);
  }
}
