import { z } from "zod";

export const StageKind = z.enum(["open", "won", "lost"]);

export const Stage = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: StageKind,
    position: z.number().int(),
    /** Contacts in this stage now. */
    contacts: z.number().int(),
  })
  .meta({ id: "Stage" });
export type Stage = z.infer<typeof Stage>;

export const LostReason = z.object({ id: z.uuid(), label: z.string() }).meta({ id: "LostReason" });
export type LostReason = z.infer<typeof LostReason>;

export const Funnel = z
  .object({
    id: z.uuid(),
    name: z.string(),
    stallDays: z.number().int(),
    createdAt: z.iso.datetime(),
    stages: z.array(Stage),
    lostReasons: z.array(LostReason),
  })
  .meta({ id: "Funnel" });
export type Funnel = z.infer<typeof Funnel>;

export const FunnelSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    stallDays: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "FunnelSummary" });
export type FunnelSummary = z.infer<typeof FunnelSummary>;

export const FunnelList = z.object({ data: z.array(FunnelSummary) });
export type FunnelList = z.infer<typeof FunnelList>;

const Name = z.string().trim().min(1).max(120);

export const CreateFunnelBody = z
  .object({
    name: Name.meta({ example: "Banquet hall sales" }),
    stages: z
      .array(Name)
      .min(1)
      .max(30)
      .meta({ example: ["First contact", "Offer sent", "Contract"] }),
    lostReasons: z
      .array(Name)
      .max(50)
      .default([])
      .meta({ example: ["Too expensive", "Chose a competitor"] }),
    stallDays: z.number().int().min(1).max(365).default(7),
  })
  .meta({ id: "CreateFunnelBody" });
export type CreateFunnelBody = z.input<typeof CreateFunnelBody>;

export const UpdateFunnelBody = z
  .object({ name: Name.optional(), stallDays: z.number().int().min(1).max(365).optional() })
  .meta({ id: "UpdateFunnelBody" });
export type UpdateFunnelBody = z.input<typeof UpdateFunnelBody>;

export const CreateStageBody = z
  .object({ name: Name, position: z.number().int().min(0).optional() })
  .meta({ id: "CreateStageBody" });
export type CreateStageBody = z.input<typeof CreateStageBody>;

export const UpdateStageBody = z
  .object({ name: Name.optional(), position: z.number().int().min(0).optional() })
  .meta({ id: "UpdateStageBody" });
export type UpdateStageBody = z.input<typeof UpdateStageBody>;

export const CreateLostReasonBody = z.object({ label: Name }).meta({ id: "CreateLostReasonBody" });
export type CreateLostReasonBody = z.input<typeof CreateLostReasonBody>;

export const MoveBody = z
  .object({
    contactId: z.uuid(),
    stageId: z.uuid(),
    lostReasonId: z.uuid().optional(),
    lostNote: z.string().trim().max(2000).optional(),
  })
  .meta({ id: "MoveBody" });
export type MoveBody = z.input<typeof MoveBody>;

export const StageMove = z
  .object({
    id: z.number().int(),
    contactId: z.uuid(),
    fromStage: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    toStage: z.object({ id: z.uuid(), name: z.string(), kind: StageKind }),
    cause: z.enum(["journey", "api", "user", "rule", "lead", "import"]),
    causeRef: z.string().nullable(),
    lostReason: LostReason.nullable(),
    lostNote: z.string().nullable(),
    movedAt: z.iso.datetime(),
  })
  .meta({ id: "StageMove" });
export type StageMove = z.infer<typeof StageMove>;

/** The answer to a move: `moved` is false when the contact already was in that stage. */
export const MoveResult = z.object({ moved: z.boolean(), move: StageMove.nullable() });
export type MoveResult = z.infer<typeof MoveResult>;

export const StageHistory = z.object({ data: z.array(StageMove) });
export type StageHistory = z.infer<typeof StageHistory>;

export const StageRule = z
  .object({
    id: z.uuid(),
    eventName: z.string(),
    stageId: z.uuid(),
    forwardOnly: z.boolean(),
    enabled: z.boolean(),
  })
  .meta({ id: "StageRule" });

export const CreateStageRuleBody = z
  .object({
    eventName: z.string().trim().min(1).max(200).meta({ example: "Presentation Booked" }),
    stageId: z.uuid(),
    forwardOnly: z.boolean().default(true),
  })
  .meta({ id: "CreateStageRuleBody" });
