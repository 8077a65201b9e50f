import { z } from "zod";

/** Segment sends ids as strings, but some libraries send numbers: accept both, keep strings. */
const Id = z.union([z.string().min(1).max(255), z.number()]).transform(String);
const Json = z.record(z.string(), z.unknown());
const Time = z.union([z.iso.datetime({ offset: true }), z.iso.date(), z.number()]);

const common = {
  messageId: z.string().min(1).max(255).optional(),
  userId: Id.nullish(),
  anonymousId: Id.nullish(),
  timestamp: Time.optional(),
  originalTimestamp: Time.optional(),
  sentAt: Time.optional(),
  context: Json.optional(),
  integrations: Json.optional(),
};

/** The messages of Segment's HTTP Tracking API, as its libraries send them. */
export const SegmentTrack = z.object({
  ...common,
  type: z.literal("track"),
  event: z.string().min(1).max(200),
  properties: Json.optional(),
});
export const SegmentIdentify = z.object({
  ...common,
  type: z.literal("identify"),
  traits: Json.optional(),
});
export const SegmentPage = z.object({
  ...common,
  type: z.literal("page"),
  name: z.string().max(200).nullish(),
  category: z.string().max(200).nullish(),
  properties: Json.optional(),
});
export const SegmentScreen = z.object({
  ...common,
  type: z.literal("screen"),
  name: z.string().max(200).nullish(),
  properties: Json.optional(),
});
export const SegmentGroup = z.object({
  ...common,
  type: z.literal("group"),
  groupId: Id,
  traits: Json.optional(),
});
export const SegmentAlias = z.object({
  ...common,
  type: z.literal("alias"),
  userId: Id,
  previousId: Id,
});

export const SegmentMessage = z
  .discriminatedUnion("type", [
    SegmentTrack,
    SegmentIdentify,
    SegmentPage,
    SegmentScreen,
    SegmentGroup,
    SegmentAlias,
  ])
  .superRefine((m, ctx) => {
    if (m.type !== "alias" && !m.userId && !m.anonymousId) {
      ctx.addIssue({
        code: "custom",
        path: ["userId"],
        message: "Either userId or anonymousId is required.",
      });
    }
  });
export type SegmentMessage = z.infer<typeof SegmentMessage>;

export const SegmentBatch = z.object({
  batch: z.array(z.unknown()).min(1).max(10_000),
  context: Json.optional(),
  integrations: Json.optional(),
  sentAt: Time.optional(),
  writeKey: z.string().optional(),
});

/** Segment's documented limits. */
export const SEGMENT_LIMITS = { messageBytes: 32 * 1024, batchBytes: 500 * 1024 } as const;

export const SegmentAccepted = z
  .object({ success: z.literal(true) })
  .meta({ id: "SegmentAccepted" });
