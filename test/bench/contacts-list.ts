import { createLogger } from "@voronka/core";
import { connect, provisionWorkspace } from "@voronka/db";
import { createApp } from "@voronka/server";
import { benchDatabase, progress } from "./support/database.ts";

const LAST_NAMES = [
  "Ivanova",
  "Petrov",
  "Smirnova",
  "Kuznetsov",
  "Popova",
  "Sokolov",
  "Lebedeva",
  "Kozlov",
  "Novikova",
  "Morozov",
];
const SOURCES = ["web_form", "telegram", "whatsapp", "import", "api", "call_tracking"];
const STAGES = ["First contact", "Offer sent", "Presentation booked", "Presentation", "Contract"];
const CHUNK = 100_000;
const RUNS = 20;

interface Figures {
  p50: number;
  p95: number;
  max: number;
  rows: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

/**
 * `pnpm bench contacts-list [--size N]`: N contacts (default 1,000,000) in one workspace, 30%
 * of them in a funnel's stages, then `GET /api/contacts` through the real app and Postgres with
 * the filters the contacts screen offers — each timed RUNS times for p50/p95 — plus the second
 * page of a filtered list (cursor pagination).
 */
export async function main({ size = 1_000_000 }: { size?: number }): Promise<void> {
  progress(`contacts-list: ${size.toLocaleString("en")} contacts`);
  const database = await benchDatabase("contacts_list");
  const handle = connect(database.url, { max: 4 });
  const app = createApp({ db: handle.db, log: createLogger("silent"), version: "bench" });
  try {
    const { workspace, secretKey } = await provisionWorkspace(handle.db, "Bench");
    const auth = { authorization: `Bearer ${secretKey}`, "content-type": "application/json" };
    const funnelRes = await app.request("/api/funnels", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ name: "Banquets", stages: STAGES }),
    });
    if (!funnelRes.ok) throw new Error(`create funnel: ${funnelRes.status}`);
    const funnel = (await funnelRes.json()) as { id: string; stages: { id: string }[] };
    const stageIds = funnel.stages.slice(0, STAGES.length).map((s) => s.id);

    const seedStarted = performance.now();
    for (let from = 0; from < size; from += CHUNK) {
      const to = Math.min(size, from + CHUNK) - 1;
      await handle.pool.query(
        `insert into contacts (workspace_id, email, phone, first_name, last_name, city, tags,
           source, consent, first_seen_at, last_seen_at)
         select $1, 'person' || n || '@example.com', '+7900' || lpad(n::text, 7, '0'),
           'Name' || (n % 997), ($4::text[])[1 + n % 10], ($5::text[])[1 + n % 5],
           case when n % 10 = 0 then array['vip', 'newsletter'] else array['newsletter'] end,
           ($6::text[])[1 + (n / 3) % 6],
           case n % 3 when 0 then '{"email":"subscribed"}'::jsonb
                      when 1 then '{"email":"unsubscribed"}'::jsonb else '{}'::jsonb end,
           now() - (n || ' minutes')::interval, now() - (n || ' seconds')::interval
         from generate_series($2::int, $3::int) n`,
        [workspace.id, from, to, LAST_NAMES, ["Moscow", "Kazan", "Sochi", "Tver", "Omsk"], SOURCES],
      );
      progress(`seeded ${(to + 1).toLocaleString("en")} contacts`);
    }
    // 30% of the contacts in the funnel, spread over its stages.
    await handle.pool.query(
      `insert into contact_stages (workspace_id, funnel_id, contact_id, stage_id, entered_at)
       select workspace_id, $2, id, ($3::uuid[])[1 + abs(hashtext(id::text)) % $4],
              now() - (abs(hashtext(id::text)) % 100000 || ' seconds')::interval
       from contacts where workspace_id = $1 and abs(hashtext(id::text)) % 10 < 3`,
      [workspace.id, funnel.id, stageIds, stageIds.length],
    );
    await handle.pool.query("analyze contacts; analyze contact_stages");
    const busiest = await handle.pool.query<{ stage_id: string; n: number }>(
      `select stage_id, count(*)::int as n from contact_stages where workspace_id = $1
       group by stage_id order by n desc limit 1`,
      [workspace.id],
    );
    const stageId = busiest.rows[0]?.stage_id ?? stageIds[0];
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
    progress(`seeded in ${seedSeconds} s; measuring ${RUNS} runs per filter`);

    const filters: Record<string, string> = {
      "no filter": "",
      "search, rare (email part)": `q=${encodeURIComponent(`person${Math.floor(size / 2)}@`)}`,
      "search, common surname": "q=ivanova",
      "tag vip": "tag=vip",
      "source telegram": "source=telegram",
      "consent email=subscribed": `consent=${encodeURIComponent("email=subscribed")}`,
      "stage (one of five)": `stage=${stageId}`,
      "funnel (any stage)": `funnel=${funnel.id}`,
      "tag vip + source telegram": "tag=vip&source=telegram",
    };
    const results: Record<string, Figures> = {};
    const headers = { authorization: auth.authorization };
    for (const [name, query] of Object.entries(filters)) {
      const url = `/api/contacts?limit=50${query ? `&${query}` : ""}`;
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS + 3; i++) {
        const started = performance.now();
        const res = await app.request(url, { headers });
        const body = (await res.json()) as { data: unknown[] };
        const ms = performance.now() - started;
        if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
        rows = body.data.length;
        if (i >= 3) times.push(ms); // the first three warm the caches and the plan
      }
      times.sort((a, b) => a - b);
      results[name] = {
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: percentile(times, 100),
        rows,
      };
      progress(`${name.padEnd(28)} p50 ${results[name].p50} ms  p95 ${results[name].p95} ms`);
    }

    // The second page of a filtered list, through the cursor the first page returned.
    const first = await app.request("/api/contacts?limit=50&tag=vip", { headers });
    const { nextCursor } = (await first.json()) as { nextCursor: string | null };
    const pageTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const res = await app.request(
        `/api/contacts?limit=50&tag=vip&cursor=${encodeURIComponent(nextCursor ?? "")}`,
        { headers },
      );
      await res.json();
      pageTimes.push(performance.now() - started);
    }
    pageTimes.sort((a, b) => a - b);
    results["tag vip, page 2 (cursor)"] = {
      p50: percentile(pageTimes, 50),
      p95: percentile(pageTimes, 95),
      max: percentile(pageTimes, 100),
      rows: 50,
    };
    progress(
      `${"tag vip, page 2 (cursor)".padEnd(28)} p50 ${percentile(pageTimes, 50)} ms  p95 ${percentile(pageTimes, 95)} ms`,
    );

    const worstP95 = Math.max(...Object.values(results).map((r) => r.p95));
    console.log(
      JSON.stringify({
        bench: "contacts-list",
        size,
        where: database.where,
        seedSeconds,
        runsPerFilter: RUNS,
        worstP95Ms: worstP95,
        withinBudget: worstP95 <= 200,
        filters: results,
      }),
    );
  } finally {
    await handle.close();
    await database.close();
  }
}
