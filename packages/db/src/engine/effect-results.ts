import type { Json, StepInput } from "@voronka/journey";
import { sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { pgArray } from "../sql-array.ts";
import { enqueueAdvance } from "./enqueue.ts";

/** What a sender reports about one outbox effect. */
export interface EffectResult {
  key: string;
  ok: boolean;
  /** The promo code issued, the webhook's reply… */
  value?: Json;
  error?: string;
  /** When it happened (ms); the run continues at this logical time. */
  at: number;
}

/**
 * Records the outcome of pending outbox effects and hands it to the enrollment (a run waiting
 * on a promo code or a webhook reply goes on), in the caller's transaction. An effect already
 * finished is left alone, so a sender retrying its report changes nothing.
 */
export async function recordEffectResults(
  tx: Tx,
  workspaceId: string,
  results: readonly EffectResult[],
): Promise<number> {
  if (results.length === 0) return 0;
  const inputs: StepInput[] = results.map((r) => ({
    type: "effect-result",
    key: r.key,
    ok: r.ok,
    ...(r.value === undefined ? {} : { value: r.value }),
  }));
  const done = await tx.execute(sql`
    with finished as (
      update journey_effects f
      set status = case when u.ok then 'done' else 'failed' end, last_error = u.error, attempts = f.attempts + 1
      from unnest(${pgArray(results.map((r) => r.key))}::text[], ${pgArray(results.map((r) => r.ok))}::boolean[],
                  ${pgArray(results.map((r) => r.error ?? null))}::text[], ${pgArray(inputs.map((i) => JSON.stringify(i)))}::text[],
                  ${pgArray(results.map((r) => new Date(r.at).toISOString()))}::timestamptz[]) as u(key, ok, error, input, at)
      where f.workspace_id = ${workspaceId} and f.key = u.key and f.status = 'pending'
      returning f.enrollment_id, u.input, u.at
    )
    insert into enrollment_inbox (workspace_id, enrollment_id, input, at)
    select ${workspaceId}, enrollment_id, input::jsonb, at from finished`);
  const n = done.rowCount ?? 0;
  if (n > 0) await enqueueAdvance(tx);
  return n;
}
