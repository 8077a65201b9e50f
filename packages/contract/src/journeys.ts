import { z } from "zod";

export const JourneyStatus = z
  .enum(["draft", "live", "paused", "stopped", "archived"])
  .meta({ id: "JourneyStatus" });
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** One problem in a draft graph, as `validate()` of packages/journey reports it. */
export const GraphViolation = z
  .object({
    code: z.string().meta({ example: "unreachable-node" }),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    path: z.string().optional(),
  })
  .meta({ id: "GraphViolation" });
export type GraphViolation = z.infer<typeof GraphViolation>;

/** A journey graph as the editor saves it; checked by the validator, not by this schema. */
export const DraftGraph = z.record(z.string(), z.unknown()).meta({
  id: "DraftGraph",
  description: "`{ schemaVersion, nodes, edges, settings }` (see docs/journey-graph.md).",
});

export const JourneySummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: JourneyStatus,
    currentVersion: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "JourneySummary" });
export type JourneySummary = z.infer<typeof JourneySummary>;

export const JourneyVersionSummary = z
  .object({ version: z.number().int(), publishedAt: z.iso.datetime() })
  .meta({ id: "JourneyVersionSummary" });

export const Journey = JourneySummary.extend({
  draft: DraftGraph,
  /** What stops the draft from being published; empty when it can be. */
  violations: z.array(GraphViolation),
  versions: z.array(JourneyVersionSummary),
}).meta({ id: "Journey" });
export type Journey = z.infer<typeof Journey>;

const Name = z.string().trim().min(1).max(200);

export const CreateJourneyBody = z
  .object({ name: Name.meta({ example: "Abandoned cart" }), draft: DraftGraph.optional() })
  .meta({ id: "CreateJourneyBody" });

export const UpdateJourneyBody = z
  .object({ name: Name.optional(), draft: DraftGraph.optional() })
  .meta({ id: "UpdateJourneyBody" });

export const NodeCount = z
  .object({
    nodeId: z.string(),
    entered: z.number().int(),
    waiting: z.number().int(),
    passed: z.number().int(),
    converted: z.number().int(),
    exited: z.number().int(),
  })
  .meta({ id: "NodeCount" });

export const JourneyVersionCounts = z
  .object({ journeyId: z.uuid(), version: z.number().int(), nodes: z.array(NodeCount) })
  .meta({ id: "JourneyVersionCounts" });
