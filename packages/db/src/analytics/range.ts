/** A half-open time range [from, to) of a report. */
export interface DateRange {
  from: Date;
  to: Date;
}

/** Numbers from SQL (`numeric` arrives as a string). */
export const num = (v: string | number | null | undefined): number =>
  v === null || v === undefined ? 0 : Number(v);
