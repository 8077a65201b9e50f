import { readFileSync } from "node:fs";
import { createFunnel, type Db } from "@voronka/db";
import type pg from "pg";

/** What `seedAnalytics` made. */
export interface AnalyticsSeed {
  funnelId: string;
  /** The open stages of the funnel, in order. */
  open: string[];
  journeyId: string;
  events: number;
  seconds: number;
}

/**
 * Fills a workspace with analytics data, set-based (generate_series): `n` contacts created
 * evenly over `spanDays` (the newest now), one lead each (7 channels, 4 UTM sources), a sales
 * funnel history (5 stages, won/lost with reasons), purchases for 30% of contacts, every fifth
 * contact in the win-back journey (A/B split 45/45/10 with true conversion 30/20/10%) with its
 * email deliveries and opens/clicks, spend for 24 months, and page views up to 10 × n events.
 * Ids are valid version-4 uuids derived from md5 (the web app's contract checks uuids).
 * Used by `pnpm bench analytics` and the analytics browser test.
 */
export async function seedAnalytics(
  db: Db,
  pool: pg.Pool,
  ws: string,
  n: number,
  options: { spanDays?: number; progress?: (line: string) => void } = {},
): Promise<AnalyticsSeed> {
  const span = options.spanDays ?? 730;
  const progress = options.progress ?? (() => {});
  const funnel = await createFunnel(db, ws, {
    name: "Sales",
    stages: ["New", "Qualified", "Offer sent", "Presentation", "Contract"],
    lostReasons: ["Price", "Date taken", "No answer"],
  });
  const open = funnel.stages.filter((s) => s.kind === "open").map((s) => s.id);
  const won = funnel.stages.find((s) => s.kind === "won")?.id;
  const lost = funnel.stages.find((s) => s.kind === "lost")?.id;
  const reasons = funnel.lostReasons.map((r) => r.id);
  const graph = JSON.parse(
    readFileSync(new URL("../fixtures/journeys/win-back.json", import.meta.url), "utf8"),
  );
  const journey = await pool.query<{ id: string }>(
    `insert into journeys (workspace_id, name, status, draft, current_version) values ($1, 'Win-back', 'live', $2, 1) returning id`,
    [ws, graph],
  );
  const journeyId = journey.rows[0]?.id;
  if (!journeyId) throw new Error("no journey");
  await pool.query(
    "insert into journey_versions (workspace_id, journey_id, version, graph) values ($1, $2, 1, $3)",
    [ws, journeyId, graph],
  );

  const client = await pool.connect();
  const step = async (label: string, text: string, params: unknown[] = []) => {
    const t = performance.now();
    const r = await client.query(text, params);
    progress(
      `${label}: ${(r.rowCount ?? 0).toLocaleString("en")} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    return r.rowCount ?? 0;
  };
  const started = performance.now();
  // Contact g: created t0(g), spread evenly over two years (g = 1 is the newest);
  // h1, h2: two cheap pseudo-random numbers of g that decide its fate.
  const base = `
    select g, (substr(md5('c' || g), 1, 12) || '4' || substr(md5('c' || g), 14, 3) || '8' || substr(md5('c' || g), 18, 15))::uuid as cid,
           now() - make_interval(secs => (g::float8 / $2) * ${span} * 86400 + (g::bigint * 7919) % 3600) as t0,
           (g::bigint * 2654435761) % 1000 as h1, (g::bigint * 40503 + 7) % 997 as h2
    from generate_series(1, $2::int) g`;
  let events = 0;
  try {
    await client.query("begin");
    await step(
      "contacts",
      `insert into contacts (workspace_id, id, name, email, source, first_seen_at, last_seen_at)
       select $1, cid, 'Contact ' || g, 'c' || g || '@example.com',
              (array['web_form','telegram','whatsapp','viber','call_tracking','chat','api'])[1 + g % 7], t0, t0
       from (${base}) b`,
      [ws, n],
    );
    await step(
      "leads",
      `insert into leads (workspace_id, channel, dedupe_key, contact_id, utm, created_at)
       select $1, (array['web_form','telegram','whatsapp','viber','call_tracking','chat','api'])[1 + g % 7], 'b' || g, cid,
              case when (g / 3) % 5 = 4 then '{}'::jsonb
                   else jsonb_build_object('utm_source', (array['google','yandex','vk','facebook'])[1 + (g / 3) % 5]) end,
              t0
       from (${base}) b`,
      [ws, n],
    );
    events += await step(
      "events: Lead Captured",
      `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
       select $1, 'lead:' || g, 'track', 'Lead Captured', cid,
              jsonb_build_object('channel', (array['web_form','telegram','whatsapp','viber','call_tracking','chat','api'])[1 + g % 7]), t0
       from (${base}) b`,
      [ws, n],
    );
    events += await step(
      "events: purchases",
      `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
       select $1, 'order:' || g || ':' || j, 'track', 'Order Completed', cid,
              jsonb_build_object('revenue', 10 + (g * j) % 490), t0 + make_interval(days => (2 + j * (5 + h1 % 40))::int)
       from (${base}) b cross join lateral generate_series(1, 1 + h1 % 5) j
       where h2 % 10 < 3 and t0 + make_interval(days => (2 + j * (5 + h1 % 40))::int) < now()`,
      [ws, n],
    );
    // The funnel: everybody enters at t0; depth = how far it got (5 = won); some are lost.
    await step(
      "stage moves",
      `insert into stage_moves (workspace_id, funnel_id, contact_id, from_stage_id, to_stage_id, cause, lost_reason_id, moved_at)
       select $1, $2, cid,
              case when i = 0 then null else ($3::uuid[])[i] end,
              case when i > depth then $5::uuid when i + 1 <= 5 then ($3::uuid[])[i + 1] else $4::uuid end,
              'lead', case when i > depth then ($6::uuid[])[1 + h2 % 3] end,
              t0 + make_interval(days => (i * (1 + h2 % 6))::int, hours => (i * (h1 % 24))::int)
       from (select *, case when h1 < 400 then 0 when h1 < 650 then 1 when h1 < 800 then 2 when h1 < 900 then 3
                             when h1 < 950 then 4 else 5 end as depth from (${base.replace("$2", "$7").replace("$2::int", "$7::int")}) b0) b
       cross join lateral generate_series(0, depth + case when h2 < 200 and depth < 5 then 1 else 0 end) i
       where t0 + make_interval(days => (i * (1 + h2 % 6))::int, hours => (i * (h1 % 24))::int) < now()`,
      [ws, funnel.id, open, won, lost, reasons, n],
    );
    await step(
      "contact stages",
      `insert into contact_stages (workspace_id, funnel_id, contact_id, stage_id, entered_at, lost_reason_id)
       select distinct on (contact_id) workspace_id, funnel_id, contact_id, to_stage_id, moved_at, lost_reason_id
       from stage_moves where workspace_id = $1 order by contact_id, moved_at desc, id desc`,
      [ws],
    );
    // The journey: every fifth contact, arms 45/45/10, true conversion 30% / 20% / 10%.
    const runs = `
      select *, (substr(md5('e' || g), 1, 12) || '4' || substr(md5('e' || g), 14, 3) || '8' || substr(md5('e' || g), 18, 15))::uuid as eid, t0 + interval '1 hour' as st,
             case when h1 < 450 then 'discount' when h1 < 900 then 'free-shipping' else 'holdout' end as arm,
             case when h1 < 450 then h2 < 300 when h1 < 900 then h2 < 200 else h2 < 100 end as conv
      from (${base}) b where g % 5 = 0`;
    await step(
      "enrollments",
      `insert into enrollments (workspace_id, id, journey_id, version, contact_id, status, state, started_at, ended_at)
       select $1, eid, $3, 1, cid, case when conv then 'converted' else 'exited' end,
              jsonb_build_object('branches', jsonb_build_object('split-offer', arm)), st, st + interval '2 days'
       from (${runs}) r`,
      [ws, n, journeyId],
    );
    await step(
      "journey transitions",
      `insert into journey_transitions (workspace_id, journey_id, version, enrollment_id, node_id, entered_at, left_at, outcome)
       select $1, $3, 1, eid, node, st + make_interval(secs => k::int), st + make_interval(secs => k::int),
              case when k = cardinality(path) then case when conv then 'converted' else 'exited' end else 'passed' end
       from (select *, case arm when 'discount' then array['lapsed','split-offer','promo-winback','email-winback-discount','wait-order']
                                when 'free-shipping' then array['lapsed','split-offer','email-winback-shipping','wait-order']
                                else array['lapsed','split-offer'] end as path from (${runs}) r0) r
       cross join lateral unnest(path) with ordinality as u(node, k)`,
      [ws, n, journeyId],
    );
    await step(
      "email effects",
      `insert into journey_effects (workspace_id, key, enrollment_id, journey_id, version, contact_id, node_id, type, channel, payload, status, at)
       select $1, eid || ':' || node || ':1:send', eid, $3, 1, cid, node, 'send-email', 'email', '{}', 'done', st
       from (select *, case arm when 'discount' then 'email-winback-discount' else 'email-winback-shipping' end as node
             from (${runs}) r0 where arm <> 'holdout') r`,
      [ws, n, journeyId],
    );
    await step(
      "email deliveries",
      `insert into email_deliveries (workspace_id, effect_key, contact_id, status)
       select workspace_id, key, contact_id,
              case when abs(hashtext(key)) % 20 = 0 then 'bounced' when abs(hashtext(key)) % 10 = 1 then 'skipped' else 'sent' end
       from journey_effects where workspace_id = $1`,
      [ws],
    );
    events += await step(
      "events: email",
      `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
       select e.workspace_id, m.prefix || e.key, 'track', m.name, e.contact_id, jsonb_build_object('effectKey', e.key), e.at + m.delay
       from journey_effects e join email_deliveries d on d.workspace_id = e.workspace_id and d.effect_key = e.key
       cross join (values ('Email Sent', 'email-sent:', interval '1 minute', 10),
                          ('Email Opened', 'email-opened:', interval '3 hours', 4),
                          ('Email Link Clicked', 'email-clicked:', interval '4 hours', 1)) as m(name, prefix, delay, share)
       where e.workspace_id = $1 and d.status = 'sent' and abs(hashtext(e.key || m.name)) % 10 < m.share`,
      [ws],
    );
    const filler = Math.max(0, 10 * n - events);
    events += await step(
      "events: page views",
      `insert into events (workspace_id, message_id, type, name, contact_id, properties, timestamp)
       select $1, 'view:' || k, 'track', 'Product Viewed', (substr(md5('c' || (1 + (k::bigint * 7919) % $2)), 1, 12) || '4' || substr(md5('c' || (1 + (k::bigint * 7919) % $2)), 14, 3) || '8' || substr(md5('c' || (1 + (k::bigint * 7919) % $2)), 18, 15))::uuid,
              jsonb_build_object('sku', 'sku-' || (k % 5000)), now() - make_interval(secs => ((k::bigint * 104729) % (${span} * 86400))::float8)
       from generate_series(1, $3::int) k`,
      [ws, n, filler],
    );
    await step(
      "marketing spend",
      `insert into marketing_spend (workspace_id, channel, month, amount)
       select $1, c, (date_trunc('month', now()) - make_interval(months => m::int))::date, ($2::int / 100 + 1) * (100 + (m * 37 + length(c) * 11) % 300)
       from unnest(array['web_form','telegram','whatsapp','viber','call_tracking','chat','api','google','yandex','vk','facebook']) c
       cross join generate_series(0, 23) m`,
      [ws, n],
    );
    await client.query("commit");
  } catch (err) {
    await client.query("rollback");
    client.release();
    throw err;
  }
  const t = performance.now();
  // What autovacuum does after a bulk load: statistics, and the visibility map that lets the
  // reports read their rollups (funnel_move_facts, purchase_facts) by index-only scans.
  await client.query("vacuum (analyze)");
  progress(`vacuum analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  client.release();
  const generateSeconds = (performance.now() - started) / 1000;
  progress(`generated in ${generateSeconds.toFixed(0)} s (${events.toLocaleString("en")} events)`);

  return { funnelId: funnel.id, open, journeyId, events, seconds: generateSeconds };
}
