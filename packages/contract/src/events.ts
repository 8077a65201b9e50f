import { z } from "zod";

/** `GET /api/events/names`: how many names at most. */
export const EventNamesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type EventNamesQuery = z.infer<typeof EventNamesQuery>;

/** The distinct event names a workspace has received (track events, named pages), A→Z. */
export const EventNameList = z
  .object({ data: z.array(z.object({ name: z.string() })) })
  .meta({ id: "EventNameList" });
export type EventNameList = z.infer<typeof EventNameList>;
