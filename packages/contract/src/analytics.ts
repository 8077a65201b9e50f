import { z } from "zod";

const count = z.number().int();
const share = z.number().nullable();

/** The date range of a report: `from` inclusive, `to` exclusive (dates or date-times, UTC). */
export const ReportRange = z.object({
  from: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .optional()
    .meta({
      description: "Start (inclusive). Default: 90 days before `to`.",
      example: "2026-03-01",
    }),
  to: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .optional()
    .meta({
      description: "End (exclusive). Default: now.",
      example: "2026-06-01",
    }),
});
export type ReportRange = z.infer<typeof ReportRange>;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ReportContact = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: "ReportContact" });

export const ReportContactPage = z
  .object({ total: count, contacts: z.array(ReportContact) })
  .meta({ id: "ReportContactPage" });
export type ReportContactPage = z.infer<typeof ReportContactPage>;

export const FunnelReport = z
  .object({
    funnel: z.object({ id: z.uuid(), name: z.string(), stallDays: count }),
    entered: count,
    won: count,
    lost: count,
    stages: z.array(
      z.object({
        stageId: z.uuid(),
        name: z.string(),
        kind: z.enum(["open", "won", "lost"]),
        reached: count,
        conversionFromPrevious: share,
        conversionFromStart: share,
        finishedVisits: count,
        medianHours: z.number().nullable(),
        p90Hours: z.number().nullable(),
        now: count,
        stalledNow: count,
      }),
    ),
    lostBy: z.array(
      z.object({
        stageId: z.uuid().nullable(),
        stageName: z.string(),
        reasonId: z.uuid().nullable(),
        reason: z.string(),
        contacts: count,
      }),
    ),
    cohorts: z.array(
      z.object({
        week: z.string(),
        entered: count,
        reached: z.array(count),
        won: count,
        lost: count,
      }),
    ),
  })
  .meta({ id: "FunnelReport" });
export type FunnelReport = z.infer<typeof FunnelReport>;

export const FunnelDrillQuery = z.object({
  metric: z.enum(["entered", "reached", "won", "lost", "now", "stalled"]),
  stageId: z.uuid().optional(),
  reasonId: z.uuid().optional(),
  week: z.iso.date().optional(),
});

export const JourneyReport = z
  .object({
    journey: z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.string(),
      currentVersion: count.nullable(),
    }),
    versions: z.array(count),
    started: count,
    converted: count,
    nodes: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        label: z.string(),
        version: count,
        entered: count,
        waiting: count,
        passed: count,
        converted: count,
        exited: count,
      }),
    ),
    goal: z.array(z.object({ day: z.string(), started: count, converted: count })),
    messages: z.array(
      z.object({
        version: count,
        nodeId: z.string(),
        label: z.string(),
        sent: count,
        delivered: count,
        bounced: count,
        skipped: count,
        opened: count,
        clicked: count,
        unsubscribed: count,
      }),
    ),
  })
  .meta({ id: "JourneyReport" });
export type JourneyReport = z.infer<typeof JourneyReport>;

export const AbSplit = z
  .object({
    nodeId: z.string(),
    label: z.string(),
    baseline: z.string(),
    requiredPerArm: count.nullable(),
    thinData: z.boolean(),
    leader: z.string().nullable(),
    arms: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        holdout: z.boolean(),
        contacts: count,
        conversions: count,
        rate: share,
        uplift: share,
        diffLow: share,
        diffHigh: share,
        pValue: share,
        probabilityBest: share,
      }),
    ),
  })
  .meta({ id: "AbSplit" });
export type AbSplit = z.infer<typeof AbSplit>;

const ChannelRow = z.object({
  key: z.string(),
  leads: count,
  customers: count,
  orders: count,
  revenue: z.number(),
  spend: z.number(),
  conversion: share,
  cac: share,
  cpl: share,
  romi: share,
});

const PeriodFactors = z.object({
  from: z.string(),
  to: z.string(),
  leads: count,
  conversion: z.number(),
  averageCheck: z.number(),
  transactions: z.number(),
  margin: z.number(),
  value: z.number(),
  buyers: count,
  orders: count,
  revenue: z.number(),
});

export const ChannelReport = z
  .object({
    margin: z.number(),
    totals: ChannelRow.omit({ key: true }),
    byChannel: z.array(ChannelRow),
    bySource: z.array(ChannelRow),
    cohorts: z.array(
      z.object({
        month: z.string(),
        leads: count,
        customers: count,
        revenue: z.number(),
        spend: z.number(),
        cac: share,
        ltv: share,
        ltvByMonth: z.array(z.number()),
      }),
    ),
    formula: z.object({
      before: PeriodFactors,
      after: PeriodFactors,
      contributions: z.object({
        leads: z.number(),
        conversion: z.number(),
        averageCheck: z.number(),
        transactions: z.number(),
        margin: z.number(),
      }),
    }),
  })
  .meta({ id: "ChannelReport" });
export type ChannelReport = z.infer<typeof ChannelReport>;

export const ChannelQuery = ReportRange.extend({
  margin: z.coerce.number().gt(0).max(1).default(1).meta({
    description: "Share of revenue that is gross margin (0–1], for ROMI and the sales formula.",
  }),
  compareFrom: z.iso.date().optional(),
  compareTo: z.iso.date().optional(),
});

export const SpendRow = z
  .object({
    channel: z.string().trim().min(1).max(100),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use the form 2026-03."),
    amount: z.number().min(0).lt(1e12),
  })
  .meta({ id: "SpendRow" });
export type SpendRow = z.infer<typeof SpendRow>;

export const RfmSegmentName = z.enum([
  "champions",
  "loyal",
  "potential_loyalists",
  "new_customers",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cannot_lose",
  "hibernating",
]);
export type RfmSegmentName = z.infer<typeof RfmSegmentName>;

export const RfmReport = z
  .object({
    computedAt: z.string().nullable(),
    customers: count,
    cells: z.array(
      z.object({
        recency: count,
        frequency: count,
        segment: RfmSegmentName,
        contacts: count,
        monetary: z.number(),
        revenue: z.number(),
      }),
    ),
    segments: z.array(z.object({ segment: RfmSegmentName, contacts: count, revenue: z.number() })),
  })
  .meta({ id: "RfmReport" });
export type RfmReport = z.infer<typeof RfmReport>;

/** A segment by name, or one cell of the grid. */
export const RfmSelectionQuery = z.object({
  segment: RfmSegmentName.optional(),
  recency: z.coerce.number().int().min(1).max(5).optional(),
  frequency: z.coerce.number().int().min(1).max(5).optional(),
});
