import { sql } from "drizzle-orm";

/** A half-open time range [from, to) of a report. */
export interface DateRange {
  from: Date;
  to: Date;
}

/**
 * What a purchase event is worth: the first of `revenue`, `total`, `value`, `amount` that is a
 * number — the same rule ingestion uses for a contact's lifetime revenue.
 */
export const EVENT_REVENUE = sql.raw(
  `coalesce(${["revenue", "total", "value", "amount"]
    .map(
      (k) =>
        `case when (e.properties->>'${k}') ~ '^\\s*-?([0-9]+\\.?[0-9]*|\\.[0-9]+)\\s*$' then (e.properties->>'${k}')::numeric end`,
    )
    .join(", ")}, 0)`,
);

/** The purchase events (see `PURCHASE_EVENTS` in ingestion), as an SQL list. */
export const PURCHASE_NAMES = sql.raw(`('Order Completed', 'Purchase', 'Payment Received')`);

/** Numbers from SQL (`numeric` arrives as a string). */
export const num = (v: string | number | null | undefined): number =>
  v === null || v === undefined ? 0 : Number(v);
