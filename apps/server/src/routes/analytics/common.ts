import { z } from "@hono/zod-openapi";
import type { ReportRange } from "@voronka/contract";
import { AppError } from "@voronka/core";
import type { DateRange } from "@voronka/db";
import { requireAuth } from "../../middleware/auth.ts";
import { secured } from "../../openapi.ts";

export const base = { tags: ["Analytics"], middleware: [requireAuth], security: secured };

const DAY = 86_400_000;
/** Longest range a report accepts: past this, the SQL reads too much for an interactive answer. */
const MAX_DAYS = 731;

const parseTime = (value: string) =>
  new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);

/** The range of a report query: `to` defaults to now, `from` to 90 days before `to`. */
export function toRange(q: ReportRange, now = new Date()): DateRange {
  const to = q.to ? parseTime(q.to) : now;
  const from = q.from ? parseTime(q.from) : new Date(to.getTime() - 90 * DAY);
  if (!(from < to)) {
    throw new AppError("validation_failed", "The range must end after it starts.", {
      details: [{ path: "to", message: "Choose an end after the start." }],
    });
  }
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY) {
    throw new AppError("validation_failed", "The range may span two years at most.", {
      details: [{ path: "from", message: "Choose a range of at most two years." }],
    });
  }
  return { from, to };
}

/** Headers of a CSV download named `<name>-<date>.csv`. */
export function csvHeaders(name: string) {
  const day = new Date().toISOString().slice(0, 10);
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}-${day}.csv"`,
  };
}

/** The CSV text with a byte-order mark, so spreadsheets read it as UTF-8 (Cyrillic names). */
export const withBom = (csv: string) => `\uFEFF${csv}`;

/** The OpenAPI response of a CSV export. */
export const csvContent = {
  200: {
    content: { "text/csv": { schema: z.string() } },
    description: "The table as UTF-8 CSV with a header row.",
  },
};
