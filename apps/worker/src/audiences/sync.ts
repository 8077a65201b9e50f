import { type AdapterOptions, openSession } from "@voronka/ads";
import {
  type AdPlatform,
  claimSync,
  countNetChanges,
  type Db,
  finishSync,
  getAdAccountSecret,
  listDestinations,
  netChangesPage,
  reportSyncProgress,
} from "@voronka/db";

/** The outcome of one audience's sync to one platform. */
export interface PlatformSyncResult {
  platform: AdPlatform;
  status: "ok" | "failed" | "skipped";
  added: number;
  removed: number;
  error?: string;
  /** Why it was skipped: not configured, or another worker is syncing it. */
  reason?: string;
}

export interface SyncOptions extends AdapterOptions {
  /** Contacts read from the change log per page (and handed to the adapter at once). */
  pageSize?: number;
  /** Called after each page with the running counts. */
  onProgress?: (p: { platform: AdPlatform; done: number; total: number }) => void;
  /** Credential key (tests); default: derived from VORONKA_SECRET. */
  key?: Buffer;
}

/**
 * Sends every platform an audience is linked to the net membership changes since its last
 * sync: reads the change log from the destination's cursor to the newest change (fixed at the
 * start), pages through contacts whose membership really changed, hands adds and removes to
 * the platform adapter, records progress, and moves the cursor only when the platform took
 * everything. A failure keeps the cursor, so the next sync resends (platform uploads are
 * idempotent). Platforms without a configured account are skipped — no call is made.
 */
export async function syncAudience(
  db: Db,
  workspaceId: string,
  audienceId: string,
  options: SyncOptions = {},
): Promise<PlatformSyncResult[]> {
  const pageSize = options.pageSize ?? 10_000;
  const results: PlatformSyncResult[] = [];
  for (const dest of await listDestinations(db, workspaceId, audienceId)) {
    const platform = dest.platform;
    const account = await getAdAccountSecret(db, workspaceId, platform, options.key);
    if (!account) {
      results.push({ platform, status: "skipped", added: 0, removed: 0, reason: "no account" });
      continue;
    }
    const claim = await claimSync(db, workspaceId, audienceId, platform);
    if (!claim) {
      results.push({ platform, status: "skipped", added: 0, removed: 0, reason: "running" });
      continue;
    }
    let added = 0;
    let removed = 0;
    try {
      const total = await countNetChanges(db, workspaceId, audienceId, claim);
      await reportSyncProgress(db, workspaceId, audienceId, platform, { done: 0, total });
      const session = openSession(platform, account, claim.externalId, {
        ...(options.retry ? { retry: options.retry } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      let after: string | null = null;
      for (;;) {
        const page = await netChangesPage(db, workspaceId, audienceId, claim, after, pageSize);
        if (page.length === 0) break;
        after = page[page.length - 1]?.contactId ?? null;
        const removes = page.filter((c) => c.op === "remove");
        const adds = page.filter((c) => c.op === "add");
        if (removes.length > 0) await session.send("remove", removes);
        if (adds.length > 0) await session.send("add", adds);
        added += adds.length;
        removed += removes.length;
        const done = added + removed;
        await reportSyncProgress(db, workspaceId, audienceId, platform, { done, total });
        options.onProgress?.({ platform, done, total });
        if (page.length < pageSize) break;
      }
      await session.finish();
      await finishSync(db, workspaceId, audienceId, platform, {
        ok: true,
        to: claim.to,
        added,
        removed,
      });
      results.push({ platform, status: "ok", added, removed });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      await finishSync(db, workspaceId, audienceId, platform, { ok: false, error });
      results.push({ platform, status: "failed", added, removed, error });
    }
  }
  return results;
}
