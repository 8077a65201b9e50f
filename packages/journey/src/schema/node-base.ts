import { z } from "zod";
import { Id } from "./common.ts";

/** Canvas position, as React Flow stores it. */
export const Position = z.object({ x: z.number(), y: z.number() });
export type Position = z.infer<typeof Position>;

/**
 * Builds the schema of one node type in React Flow's shape `{ id, type, position, data }`.
 * Extra React Flow fields (`measured`, `selected`, …) are dropped on parse: they are view state.
 */
export function nodeSchema<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({ id: Id, type: z.literal(type), position: Position, data });
}
