import { decryptSecret, encryptSecret } from "@voronka/core";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../contacts/resolve.ts";
import { type AD_PLATFORMS, adAccounts, audienceDestinations } from "../schema/audiences.ts";

export type AdPlatform = (typeof AD_PLATFORMS)[number];

/** An ad account as shown to users: never the credentials, only which fields are set. */
export interface AdAccountInfo {
  platform: AdPlatform;
  baseUrl: string;
  accountId: string | null;
  credentialFields: string[];
  updatedAt: Date;
}

/** An ad account with its credentials decrypted, for the sync only. */
export interface AdAccountSecret extends AdAccountInfo {
  credentials: Record<string, string>;
}

function parseCredentials(sealed: string, key?: Buffer): Record<string, string> {
  const value: unknown = JSON.parse(key ? decryptSecret(sealed, key) : decryptSecret(sealed));
  const out: Record<string, string> = {};
  if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  }
  return out;
}

/**
 * Saves a workspace's account on a platform. Credentials are encrypted at rest (AES-256-GCM
 * with a key derived from VORONKA_SECRET); fields left out keep their saved values.
 */
export async function saveAdAccount(
  db: Tx,
  workspaceId: string,
  platform: AdPlatform,
  input: { baseUrl: string; accountId: string | null; credentials: Record<string, string> },
  key?: Buffer,
): Promise<AdAccountInfo> {
  const existing = await getAdAccountSecret(db, workspaceId, platform, key);
  const credentials = { ...(existing?.credentials ?? {}), ...input.credentials };
  const json = JSON.stringify(credentials);
  const sealed = key ? encryptSecret(json, key) : encryptSecret(json);
  const values = {
    workspaceId,
    platform,
    baseUrl: input.baseUrl,
    accountId: input.accountId,
    credentialsEncrypted: sealed,
    updatedAt: new Date(),
  };
  await db
    .insert(adAccounts)
    .values(values)
    .onConflictDoUpdate({ target: [adAccounts.workspaceId, adAccounts.platform], set: values });
  return {
    platform,
    baseUrl: input.baseUrl,
    accountId: input.accountId,
    credentialFields: Object.keys(credentials).sort(),
    updatedAt: values.updatedAt,
  };
}

/** The workspace's ad accounts, without credentials. */
export async function listAdAccounts(
  db: Tx,
  workspaceId: string,
  key?: Buffer,
): Promise<AdAccountInfo[]> {
  const rows = await db.select().from(adAccounts).where(eq(adAccounts.workspaceId, workspaceId));
  return rows.map((r) => ({
    platform: r.platform,
    baseUrl: r.baseUrl,
    accountId: r.accountId,
    credentialFields: Object.keys(parseCredentials(r.credentialsEncrypted, key)).sort(),
    updatedAt: r.updatedAt,
  }));
}

/** One ad account with decrypted credentials, or undefined when not configured. */
export async function getAdAccountSecret(
  db: Tx,
  workspaceId: string,
  platform: AdPlatform,
  key?: Buffer,
): Promise<AdAccountSecret | undefined> {
  const [r] = await db
    .select()
    .from(adAccounts)
    .where(and(eq(adAccounts.workspaceId, workspaceId), eq(adAccounts.platform, platform)));
  if (!r) return undefined;
  const credentials = parseCredentials(r.credentialsEncrypted, key);
  return {
    platform: r.platform,
    baseUrl: r.baseUrl,
    accountId: r.accountId,
    credentials,
    credentialFields: Object.keys(credentials).sort(),
    updatedAt: r.updatedAt,
  };
}

/** Removes an ad account; its destinations stay but are not synced until it is set again. */
export async function deleteAdAccount(
  db: Tx,
  workspaceId: string,
  platform: AdPlatform,
): Promise<boolean> {
  const rows = await db
    .delete(adAccounts)
    .where(and(eq(adAccounts.workspaceId, workspaceId), eq(adAccounts.platform, platform)))
    .returning({ platform: adAccounts.platform });
  return rows.length > 0;
}

export type DestinationRow = typeof audienceDestinations.$inferSelect;

/** Links an audience to its copy on a platform (Meta audience id, Google user list id…). */
export async function saveDestination(
  db: Tx,
  workspaceId: string,
  audienceId: string,
  platform: AdPlatform,
  externalId: string,
): Promise<DestinationRow> {
  const [row] = await db
    .insert(audienceDestinations)
    .values({ workspaceId, audienceId, platform, externalId })
    .onConflictDoUpdate({
      target: [
        audienceDestinations.workspaceId,
        audienceDestinations.audienceId,
        audienceDestinations.platform,
      ],
      // A new copy on the platform starts empty: send it everything again.
      set: {
        externalId,
        cursor: sql`case when ${audienceDestinations.externalId} = ${externalId} then ${audienceDestinations.cursor} else 0 end`,
      },
    })
    .returning();
  if (!row) throw new Error("destination not saved");
  return row;
}

export async function deleteDestination(
  db: Tx,
  workspaceId: string,
  audienceId: string,
  platform: AdPlatform,
): Promise<boolean> {
  const rows = await db
    .delete(audienceDestinations)
    .where(
      and(
        eq(audienceDestinations.workspaceId, workspaceId),
        eq(audienceDestinations.audienceId, audienceId),
        eq(audienceDestinations.platform, platform),
      ),
    )
    .returning({ platform: audienceDestinations.platform });
  return rows.length > 0;
}

/** The destinations of the workspace (or of one audience), with their sync status. */
export async function listDestinations(
  db: Tx,
  workspaceId: string,
  audienceId?: string,
): Promise<DestinationRow[]> {
  return db
    .select()
    .from(audienceDestinations)
    .where(
      audienceId
        ? and(
            eq(audienceDestinations.workspaceId, workspaceId),
            eq(audienceDestinations.audienceId, audienceId),
          )
        : eq(audienceDestinations.workspaceId, workspaceId),
    )
    .orderBy(audienceDestinations.audienceId, audienceDestinations.platform);
}
