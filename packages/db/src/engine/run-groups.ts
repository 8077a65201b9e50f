import { type SQL, sql } from "drizzle-orm";
import { pgArray } from "../sql-array.ts";
import { uuidArray } from "./uuid-array.ts";

/**
 * The (workspace, journey, version) triples of a batch's rows, numbered from 1, so that a
 * row of a JSON parameter carries its group's number (`"g":1`) instead of two uuids and a
 * version: a batch is mostly one journey, and those were a fifth of the bytes Postgres parsed.
 * {@link GroupTable.columns} reads a row's group back by array subscript (no join, so the
 * statements' plans stay what they were).
 */
export class GroupTable {
  private readonly index = new Map<string, number>();
  private readonly workspaces: string[] = [];
  private readonly journeys: string[] = [];
  private readonly versions: number[] = [];

  /** The group number of a row of this workspace, journey and version. */
  of(workspaceId: string, journeyId: string, version: number): number {
    const key = `${workspaceId}${journeyId}${version}`;
    let n = this.index.get(key);
    if (n === undefined) {
      this.workspaces.push(workspaceId);
      this.journeys.push(journeyId);
      this.versions.push(version);
      n = this.workspaces.length;
      this.index.set(key, n);
    }
    return n;
  }

  /** SQL for the workspace, journey and version of the group numbered by `g` (an int expression). */
  columns(g: SQL): { workspaceId: SQL; journeyId: SQL; version: SQL } {
    return {
      workspaceId: sql`(${uuidArray(this.workspaces)}::uuid[])[${g}]`,
      journeyId: sql`(${uuidArray(this.journeys)}::uuid[])[${g}]`,
      version: sql`(${pgArray(this.versions)}::int[])[${g}]`,
    };
  }
}
