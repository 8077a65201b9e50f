/**
 * `pnpm bench audience-sync [--size N]`: an audience of N contacts (email + phone) changes —
 * N joins, then N/2 leave — and each change is synced to all four ad platforms (Meta, Google,
 * VK, Yandex) on a local fake platform server over real HTTP that checks every request's
 * format and hashing. Reported: contacts per second per platform for the sync (read the
 * change log → net changes → normalize + SHA-256 → batched uploads → cursor), the membership
 * write itself, and, as the baseline measured in the same run, normalize + hash alone.
 */

import { credentialKey } from "@voronka/core";
import {
  changeMembership,
  connect,
  createAudience,
  provisionWorkspace,
  saveAdAccount,
  saveDestination,
} from "@voronka/db";
import { syncAudience } from "../../apps/worker/src/audiences/sync.ts";
import {
  FAKE_GOOGLE_DEVELOPER_TOKEN,
  FAKE_TOKENS,
  fakeBaseUrls,
  startFakeAdPlatforms,
} from "../../packages/ads/src/fake/fake-platforms.ts";
import { hashIdentifiers } from "../../packages/ads/src/normalize.ts";
import { benchDatabase, progress } from "./support/database.ts";

const PLATFORMS = ["meta", "google", "vk", "yandex"] as const;
type Platform = (typeof PLATFORMS)[number];

export async function main({ size = 100_000 }: { size?: number }) {
  const bench = await benchDatabase("audience-sync");
  const database = connect(bench.url, { max: 4 });
  const fake = await startFakeAdPlatforms();
  const key = credentialKey({ VORONKA_SECRET: "b".repeat(40), VORONKA_DATA_DIR: "/nonexistent" });
  try {
    progress(`database: ${bench.where}; audience of ${size} contacts → ${PLATFORMS.join(", ")}`);
    const { db } = database;
    const { workspace } = await provisionWorkspace(db, "Bench");
    const ws = workspace.id;
    await database.pool.query(
      `insert into contacts (workspace_id, email, phone)
       select $1, 'Guest.' || g || '@Example.com', '+7 (9' || lpad(g::text, 9, '0') || ')'
       from generate_series(1, $2::int) g`,
      [ws, size],
    );
    const ids = (
      await database.pool.query<{ id: string; email: string; phone: string }>(
        "select id, email, phone from contacts where workspace_id = $1 order by id",
        [ws],
      )
    ).rows;
    progress(`seeded ${ids.length} contacts`);

    // Baseline: normalize + SHA-256 of every contact for every platform's rules, nothing else.
    const t = performance.now();
    for (const p of PLATFORMS) for (const c of ids) hashIdentifiers(p, c);
    const hashPerSec = (ids.length * PLATFORMS.length) / ((performance.now() - t) / 1000);
    progress(`baseline, normalize + hash only: ${Math.round(hashPerSec)} contacts/s per platform`);

    const audience = await createAudience(db, ws, { name: "Bench audience" });
    const urls = fakeBaseUrls(fake.url);
    const credentials: Record<Platform, Record<string, string>> = {
      meta: { accessToken: FAKE_TOKENS.meta },
      google: { accessToken: FAKE_TOKENS.google, developerToken: FAKE_GOOGLE_DEVELOPER_TOKEN },
      vk: { accessToken: FAKE_TOKENS.vk },
      yandex: { oauthToken: FAKE_TOKENS.yandex },
    };
    for (const [i, p] of PLATFORMS.entries()) {
      await saveAdAccount(
        db,
        ws,
        p,
        {
          baseUrl: urls[p],
          accountId: p === "google" ? "1234567890" : null,
          credentials: credentials[p],
        },
        key,
      );
      await saveDestination(db, ws, audience.id, p, String(1000 + i));
    }

    const change = async (action: "add" | "remove", list: typeof ids) => {
      const started = performance.now();
      for (let i = 0; i < list.length; i += 10_000) {
        await db.transaction((tx) =>
          changeMembership(
            tx,
            ws,
            list.slice(i, i + 10_000).map((c) => ({
              audienceId: audience.id,
              contactId: c.id,
              action,
              cause: "api" as const,
            })),
          ),
        );
      }
      return list.length / ((performance.now() - started) / 1000);
    };

    // Time inside platform calls (the fake server shares this process, so its parsing and
    // checking is included): the rest of a sync is the database and the hashing.
    let fetchMs = 0;
    const timedFetch: typeof fetch = async (input, init) => {
      const started = performance.now();
      try {
        return await fetch(input, init);
      } finally {
        fetchMs += performance.now() - started;
      }
    };
    const runSync = async (label: string) => {
      let lastPrinted = 0;
      const started = performance.now();
      const results = await syncAudience(db, ws, audience.id, {
        key,
        fetch: timedFetch,
        onProgress: ({ platform, done, total }) => {
          if (done === total || performance.now() - lastPrinted > 1000) {
            lastPrinted = performance.now();
            progress(`  ${label} → ${platform}: ${done}/${total}`);
          }
        },
      });
      const seconds = (performance.now() - started) / 1000;
      for (const r of results) {
        if (r.status !== "ok") throw new Error(`${r.platform}: ${r.status} ${r.error ?? ""}`);
      }
      if (fake.violations.length > 0) throw new Error(`format violations: ${fake.violations[0]}`);
      const moved = results.reduce((n, r) => n + r.added + r.removed, 0);
      progress(
        `${label}: ${moved} contact changes to 4 platforms in ${seconds.toFixed(2)} s ` +
          `(${((fetchMs / 1000 / seconds) * 100).toFixed(0)} % of it in platform calls)`,
      );
      fetchMs = 0;
      return { seconds, moved, perSec: moved / seconds };
    };

    const addWrite = await change("add", ids);
    progress(`membership write (logged adds): ${Math.round(addWrite)} contacts/s`);
    const adds = await runSync(`sync of ${ids.length} joins`);
    const leaving = ids.filter((_, i) => i % 2 === 0);
    const removeWrite = await change("remove", leaving);
    progress(`membership write (logged removes): ${Math.round(removeWrite)} contacts/s`);
    const removes = await runSync(`sync of ${leaving.length} leaves`);

    const received = (op: "add" | "remove") =>
      fake.uploads
        .filter((u) => u.op === op)
        .reduce((n, u) => n + Math.max(u.emails.length, u.phones.length), 0);
    if (received("add") !== ids.length * PLATFORMS.length) {
      throw new Error(`platforms received ${received("add")} adds, expected ${ids.length * 4}`);
    }
    if (received("remove") !== leaving.length * PLATFORMS.length) {
      throw new Error(`platforms received ${received("remove")} removes`);
    }
    progress(`fake platforms checked ${fake.log.length} requests, 0 format violations`);
    const perPlatformPerSec = (adds.moved + removes.moved) / (adds.seconds + removes.seconds);
    console.log(
      JSON.stringify({
        name: "audience-sync",
        contacts: ids.length,
        platforms: PLATFORMS.length,
        requests: fake.log.length,
        addSyncSeconds: Number(adds.seconds.toFixed(2)),
        removeSyncSeconds: Number(removes.seconds.toFixed(2)),
        contactChangesPerSec: Math.round(perPlatformPerSec),
        contactsPerSecPerPlatform: Math.round(perPlatformPerSec / PLATFORMS.length),
        membershipWritesPerSec: Math.round(addWrite),
        hashOnlyPerSec: Math.round(hashPerSec),
        ratio: Number((perPlatformPerSec / PLATFORMS.length / hashPerSec).toFixed(3)),
      }),
    );
  } finally {
    await fake.close();
    await database.close();
    await bench.close();
  }
}
