import type { JourneySettings } from "@voronka/journey";
import { eq } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { sendingRules } from "../schema/sending-rules.ts";

/** A workspace's default quiet hours and frequency cap, in the journey graph's own shape. */
export interface WorkspaceSendingRules {
  quietHours: NonNullable<JourneySettings["quietHours"]> | null;
  frequencyCap: NonNullable<JourneySettings["frequencyCap"]> | null;
  /** When they last changed; null when never saved (both rules off). */
  updatedAt: Date | null;
}

const NONE: WorkspaceSendingRules = { quietHours: null, frequencyCap: null, updatedAt: null };

/** The workspace's sending rules; both off when none were saved. */
export async function getSendingRules(tx: Tx, workspaceId: string): Promise<WorkspaceSendingRules> {
  const [row] = await tx
    .select()
    .from(sendingRules)
    .where(eq(sendingRules.workspaceId, workspaceId));
  if (!row) return NONE;
  return {
    quietHours:
      row.quietFrom !== null && row.quietTo !== null
        ? { from: row.quietFrom, to: row.quietTo }
        : null,
    frequencyCap:
      row.capMax !== null && row.capPerAmount !== null && row.capPerUnit !== null
        ? { max: row.capMax, per: { amount: row.capPerAmount, unit: row.capPerUnit } }
        : null,
    updatedAt: row.updatedAt,
  };
}

/** Replaces the workspace's sending rules (a `null` rule is off). Input is already validated. */
export async function saveSendingRules(
  tx: Tx,
  workspaceId: string,
  rules: Pick<WorkspaceSendingRules, "quietHours" | "frequencyCap">,
): Promise<WorkspaceSendingRules> {
  const values = {
    quietFrom: rules.quietHours?.from ?? null,
    quietTo: rules.quietHours?.to ?? null,
    capMax: rules.frequencyCap?.max ?? null,
    capPerAmount: rules.frequencyCap?.per.amount ?? null,
    capPerUnit: rules.frequencyCap?.per.unit ?? null,
    updatedAt: new Date(),
  };
  await tx
    .insert(sendingRules)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: sendingRules.workspaceId, set: values });
  return getSendingRules(tx, workspaceId);
}

/**
 * The settings a version is published with: the journey's own quiet hours and frequency cap,
 * and the workspace's defaults for whichever of the two the journey leaves unset.
 */
export function withWorkspaceDefaults(
  settings: JourneySettings,
  defaults: Pick<WorkspaceSendingRules, "quietHours" | "frequencyCap">,
): JourneySettings {
  const quietHours = settings.quietHours ?? defaults.quietHours ?? undefined;
  const frequencyCap = settings.frequencyCap ?? defaults.frequencyCap ?? undefined;
  return {
    ...settings,
    ...(quietHours ? { quietHours } : {}),
    ...(frequencyCap ? { frequencyCap } : {}),
  };
}
