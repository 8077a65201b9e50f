import { z } from "zod";

export const ManagerTask = z
  .object({
    id: z.uuid(),
    contact: z.object({ id: z.uuid(), name: z.string().nullable() }),
    journey: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
    message: z.string(),
    assignee: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
    dueAt: z.iso.datetime(),
    status: z.enum(["open", "done"]),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ManagerTask" });
export type ManagerTask = z.infer<typeof ManagerTask>;

export const ListTasksQuery = z.object({
  status: z.enum(["open", "done"]).optional(),
  assignee: z.uuid().optional().meta({ description: "Only tasks assigned to this user." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
