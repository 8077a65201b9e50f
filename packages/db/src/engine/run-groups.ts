import { type SQL, sql } from "drizzle-orm";
import { pgArray } from "../sql-array.ts";
import { uuidArray } from "./uuid-array.ts";

/**
 * The (workspace, journey, version) triples of a batch's rows, numbered from 1, so that a
 * row of a JSON parameter carries its group's number (`"g":1`) instead of two uuids and a
 * version: a batch is mostly one journey, and those were a fifth of the bytes Postgres parsed.
 * Join with {@link GroupTable.sql} on `g.n = u.g`.
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

  /** The groups as a table `g(w, j, v, n)`, for a `from` or `join`. */
  sql(): SQL {
    return sql`unnest(${uuidArray(this.workspaces)}::uuid[], ${uuidArray(this.journeys)}::uuid[], ${pgArray(this.versions)}::int[])
      with ordinality as g(w, j, v, n)`;
  }
}
