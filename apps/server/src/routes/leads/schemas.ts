import { z } from "@hono/zod-openapi";

import { LeadChannel, type LeadChannel as LeadChannelName } from "@voronka/contract";
import { LEAD_CHANNELS } from "@voronka/db";

// The lead-source schemas live in the contract, shared with the web app.
export {
  CreateLeadSourceBody,
  FormField,
  LeadChannel,
  LeadSource,
  LeadSourceList,
  LeadSourceSettings,
  LeadSourceWithSecret,
  TestLeadResult,
  UpdateLeadSourceBody,
} from "@voronka/contract";

// The contract's channel list and the database's must name the same channels, both ways.
const _sameChannels: [readonly LeadChannelName[], readonly (typeof LEAD_CHANNELS)[number][]] = [
  LEAD_CHANNELS,
  LeadChannel.options,
];
void _sameChannels;

const Utm = z
  .object({
    source: z.string().max(200).optional(),
    medium: z.string().max(200).optional(),
    campaign: z.string().max(200).optional(),
    term: z.string().max(200).optional(),
    content: z.string().max(200).optional(),
  })
  .meta({ id: "LeadUtm" });

export const CreateLeadBody = z
  .object({
    externalId: z.string().trim().min(1).max(200).optional().meta({
      description: "Your id of the lead: sending it again returns the same lead (no duplicate).",
    }),
    sourceId: z.uuid().optional(),
    channel: LeadChannel.optional().meta({
      description: "Defaults to the source's channel, or `api`.",
    }),
    name: z.string().trim().max(200).optional(),
    firstName: z.string().trim().max(100).optional(),
    lastName: z.string().trim().max(100).optional(),
    email: z.email().max(254).optional(),
    phone: z.string().max(40).optional(),
    userId: z.string().trim().min(1).max(255).optional(),
    handles: z
      .object({
        telegram: z.string().max(64).optional(),
        whatsapp: z.string().max(64).optional(),
        viber: z.string().max(64).optional(),
      })
      .optional(),
    message: z.string().max(5000).optional(),
    utm: Utm.optional(),
    funnelId: z.uuid().optional(),
    stageId: z.uuid().optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "CreateLeadBody" });
export type CreateLeadBody = z.infer<typeof CreateLeadBody>;

export const Lead = z
  .object({
    id: z.uuid(),
    channel: LeadChannel,
    sourceId: z.uuid().nullable(),
    contactId: z.uuid(),
    dedupeKey: z.string(),
    utm: z.record(z.string(), z.string()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Lead" });

export const CapturedLead = z
  .object({
    lead: Lead,
    duplicate: z.boolean(),
    placement: z.object({ funnelId: z.uuid(), stageId: z.uuid() }).nullable(),
  })
  .meta({ id: "CapturedLead" });
