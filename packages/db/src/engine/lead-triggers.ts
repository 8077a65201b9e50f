import type { LeadChannel as JourneyLeadChannel } from "@voronka/journey";
import type { Tx } from "../contacts/resolve.ts";
import type { LeadChannel } from "../schema/leads.ts";
import { routeSignals } from "./route-signals.ts";

/** Lead channels as stored (snake_case, provider-shaped) → as the journey graph names them. */
const CHANNEL: Record<LeadChannel, JourneyLeadChannel> = {
  web_form: "web-form",
  telegram: "telegram",
  whatsapp: "whatsapp",
  viber: "viber",
  call_tracking: "phone",
  chat: "chat",
  api: "api",
};

/**
 * The journey hook of lead capture, in the capturing transaction: enrolls each lead's contact
 * in live journeys that start on a lead from its channel (or from any channel).
 */
export async function routeLeads(
  tx: Tx,
  workspaceId: string,
  leads: readonly { contactId: string; channel: LeadChannel; at: number }[],
): Promise<number> {
  return routeSignals(
    tx,
    workspaceId,
    leads.map((l) => ({
      contactId: l.contactId,
      signal: { type: "lead" as const, channel: CHANNEL[l.channel] },
      at: l.at,
    })),
  );
}
