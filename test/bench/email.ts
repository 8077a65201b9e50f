/**
 * `pnpm bench email [--size N]`: pending send-email effects (as the engine writes them) →
 * dispatcher (claim, consent, render with a warm template cache, DKIM-sign, hand to a local
 * SMTP server over a pooled connection, acknowledge, `Email Sent` event) per second, and the
 * CPU time per email of the dispatcher (all threads), the SMTP server and Postgres. Measured
 * in the same run: rendering alone, and bare SMTP hand-over of one pre-rendered message.
 */
import { fork } from "node:child_process";
import { createPrivateKey, randomUUID, sign as signSync } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { connect, createEmailTemplate, provisionWorkspace, saveEmailSettings } from "@voronka/db";
import {
  closeSmtpPools,
  composeMessage,
  generateDkimKey,
  renderEmail,
  smtpSender,
  type TemplateSource,
} from "@voronka/email";
import { dispatchEmailBatch } from "../../apps/worker/src/email/dispatch.ts";
import { WELCOME_MJML } from "../../apps/worker/src/email/welcome-fixture.ts";
import { benchDatabase, progress } from "./support/database.ts";

const BATCH = 100;

const SINK = fileURLToPath(
  new URL("../../apps/worker/src/email/smtp-sink-process.ts", import.meta.url),
);

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null && name in value
    ? Object.getOwnPropertyDescriptor(value, name)?.value
    : undefined;
}

/** The SMTP server in a child process (tsx), so it does not share the dispatcher's thread. */
async function startSink() {
  const child = fork(SINK, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const [line] = await once(child.stdout ?? child, "data");
  const url = field(JSON.parse(String(line)), "url");
  if (typeof url !== "string") throw new Error("SMTP sink did not start");
  return {
    url,
    async received(): Promise<{ n: number; cpuMs: number }> {
      child.send({});
      const [msg] = await once(child, "message");
      const n = field(msg, "received");
      const cpuMs = field(msg, "cpuMs");
      if (typeof n !== "number" || typeof cpuMs !== "number") {
        throw new Error("bad reply from the SMTP sink");
      }
      return { n, cpuMs };
    },
    close() {
      child.disconnect();
    },
  };
}
const DISPATCHERS = 4;

/** CPU time (ms) this process has used, every thread (the DKIM signatures run on the pool). */
function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU time (ms) used so far by the Postgres backends serving the bench database, read from
 * /proc (Postgres on this host); null when they cannot be read.
 */
async function postgresCpuMs(pool: { query: (q: string) => Promise<{ rows: unknown[] }> }) {
  const { rows } = await pool.query(
    "select pid from pg_stat_activity where datname = current_database()",
  );
  let ticks = 0;
  for (const row of rows) {
    const pid = field(row, "pid");
    try {
      const stat = readFileSync(`/proc/${String(pid)}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      return null;
    }
  }
  return (ticks * 1000) / 100; // USER_HZ = 100 on Linux
}

export async function main({ size = 5000 }: { size?: number }) {
  const bench = await benchDatabase("email");
  const database = connect(bench.url, { max: DISPATCHERS + 2 });
  const smtp = await startSink();
  try {
    const { db, pool } = database;
    progress(
      `database: ${bench.where}; ${size} emails, ${DISPATCHERS} dispatchers × batches of ${BATCH}`,
    );
    const { workspace } = await provisionWorkspace(db, "Bench");
    const ws = workspace.id;
    const dkim = generateDkimKey();
    await saveEmailSettings(db, ws, {
      fromName: "Bench",
      fromAddress: "news@bench.test",
      smtpUrl: smtp.url,
      dkimDomain: "bench.test",
      dkimSelector: "vk1",
      dkimPrivateKey: dkim.privateKeyPem,
      dkimPublicKey: dkim.publicKey,
    });
    const template = await createEmailTemplate(db, ws, {
      name: "Welcome",
      subject: "Welcome, {{ contact.firstName }}!",
      preheader: "A gift for {{ contact.firstName }}",
      mjml: WELCOME_MJML,
    });

    const ids = Array.from({ length: size }, () => randomUUID());
    await pool.query(
      `insert into contacts (workspace_id, id, user_id, email, first_name, consent, traits)
       select $1, id, 'u-' || n, 'person' || n || '@example.com', 'Person ' || n,
              '{"email":"subscribed"}'::jsonb, '{"company":"Northwind"}'::jsonb
       from unnest($2::uuid[]) with ordinality as t(id, n)`,
      [ws, ids],
    );
    await pool.query(
      `insert into contact_identities (workspace_id, kind, value, contact_id)
       select $1, 'user_id', 'u-' || n, id from unnest($2::uuid[]) with ordinality as t(id, n)`,
      [ws, ids],
    );
    const journeyId = randomUUID();
    await pool.query(
      `insert into journey_effects (workspace_id, key, enrollment_id, journey_id, version, contact_id,
                                    node_id, type, channel, payload, status, at)
       select $1, e || ':mail:1:send', e::uuid, $3, 1, c, 'mail', 'send-email', 'email',
              jsonb_build_object('type', 'send-email', 'key', e || ':mail:1:send', 'nodeId', 'mail',
                                 'templateId', $4::text, 'vars', jsonb_build_object('code', 'SAVE10')),
              'pending', now()
       from (select c, gen_random_uuid()::text as e from unnest($2::uuid[]) as t(c)) k`,
      [ws, ids, journeyId, template.id],
    );
    progress(`seeded ${size} contacts and pending send effects`);

    // Rendering alone, warm cache (the first render compiles the MJML once).
    const source: TemplateSource = { ...template, cacheKey: `${ws}:${template.id}:1` };
    const ctx = (i: number) => ({
      contact: {
        id: ids[i % ids.length] ?? "",
        email: `person${i}@example.com`,
        firstName: `Person ${i}`,
        lastName: null,
        name: null,
        phone: null,
        city: null,
        country: null,
        traits: { company: "Northwind" },
      },
      vars: { code: "SAVE10" },
      unsubscribeUrl: "https://voronka.test/e/u/x",
    });
    const sample = await renderEmail(source, ctx(0));
    const renderN = Math.min(size, 2000);
    let t = performance.now();
    for (let i = 0; i < renderN; i++) await renderEmail(source, ctx(i));
    const rendersPerSec = renderN / ((performance.now() - t) / 1000);
    progress(`render only (MJML cached, Liquid + text part): ${Math.round(rendersPerSec)}/s`);

    // Bare SMTP hand-over of one pre-rendered, DKIM-signed message through the same pool.
    const sender = smtpSender(smtp.url);
    const smtpN = Math.min(size, 2000);
    t = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < smtpN) {
          next++;
          const raw = await composeMessage({
            from: { name: "Bench", address: "news@bench.test" },
            to: "ceiling@example.com",
            rendered: sample,
            messageId: `<${randomUUID()}@bench.test>`,
            unsubscribeUrl: "https://voronka.test/e/u/x",
            dkim: { domainName: "bench.test", keySelector: "vk1", privateKey: dkim.privateKeyPem },
          });
          const r = await sender.send({ from: "news@bench.test", to: "ceiling@example.com", raw });
          if (!r.ok) throw new Error(r.error);
        }
      }),
    );
    const smtpPerSec = smtpN / ((performance.now() - t) / 1000);
    progress(`SMTP hand-over only (pre-rendered, DKIM-signed): ${Math.round(smtpPerSec)}/s`);

    // The floor under the dispatcher's CPU: one RSA-2048 signature (every message has one).
    const key = createPrivateKey(dkim.privateKeyPem);
    const signN = Math.min(size, 300);
    const signCpu0 = ownCpuMs();
    for (let i = 0; i < signN; i++) signSync("sha256", Buffer.from(`header block ${i}`), key);
    const rsaCpuMs = (ownCpuMs() - signCpu0) / signN;
    progress(`RSA-2048 signature: ${rsaCpuMs.toFixed(3)} ms of CPU each`);

    const loadBefore = loadavg()[0] ?? 0;
    const before = await smtp.received();
    // The pool's connections are all open (the template lookups above used them), so the
    // backends read now are the ones that serve the dispatchers.
    const pgBefore = await postgresCpuMs(pool);
    const cpuBefore = ownCpuMs();
    const config = {
      secret: "bench-secret-bench-secret-bench-secret-0123",
      baseUrl: "https://voronka.test",
      smtpUrl: undefined,
    };
    t = performance.now();
    let sent = 0;
    let lastReport = t;
    await Promise.all(
      Array.from({ length: DISPATCHERS }, async () => {
        for (;;) {
          const r = await dispatchEmailBatch(db, { config, limit: BATCH });
          sent += r.sent;
          if (r.claimed - r.sent > 0) throw new Error(`unexpected outcomes: ${JSON.stringify(r)}`);
          if (performance.now() - lastReport > 2000) {
            lastReport = performance.now();
            progress(`dispatched ${sent}/${size}`);
          }
          if (r.claimed === 0) return;
        }
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    const emailsPerSec = sent / seconds;
    const cpuDispatcher = ownCpuMs() - cpuBefore;
    const after = await smtp.received();
    const pgAfter = await postgresCpuMs(pool);
    const received = after.n - before.n;
    const cpuSink = after.cpuMs - before.cpuMs;
    const cpuPostgres = pgBefore !== null && pgAfter !== null ? pgAfter - pgBefore : null;
    const perEmail = (ms: number | null) => (ms === null ? null : Number((ms / sent).toFixed(3)));
    const cpuTotal = cpuDispatcher + cpuSink + (cpuPostgres ?? 0);
    progress(
      `dispatcher end to end: ${sent} in ${seconds.toFixed(1)} s = ${Math.round(emailsPerSec)}/s; SMTP server received ${received}`,
    );
    progress(
      `CPU per email: dispatcher ${perEmail(cpuDispatcher)} ms, SMTP server ${perEmail(cpuSink)} ms, Postgres ${perEmail(cpuPostgres) ?? "?"} ms → ${Math.round((sent * 1000) / cpuTotal)} emails per CPU-second of all three`,
    );
    if (received !== size) throw new Error(`SMTP server received ${received}, expected ${size}`);
    console.log(
      JSON.stringify({
        name: "email",
        emails: size,
        where: bench.where,
        emailsPerSec: Math.round(emailsPerSec),
        rendersPerSec: Math.round(rendersPerSec),
        smtpHandoffPerSec: Math.round(smtpPerSec),
        ratioToSmtp: Number((emailsPerSec / smtpPerSec).toFixed(2)),
        cpuMsPerEmail: {
          dispatcher: perEmail(cpuDispatcher),
          smtpServer: perEmail(cpuSink),
          postgres: perEmail(cpuPostgres),
        },
        emailsPerCpuSecond: Math.round((sent * 1000) / cpuTotal),
        rsaSignCpuMs: Number(rsaCpuMs.toFixed(3)),
        // 1-minute load average of the machine before and after the dispatch (2 cores here).
        load: [Number(loadBefore.toFixed(2)), Number((loadavg()[0] ?? 0).toFixed(2))],
      }),
    );
  } finally {
    closeSmtpPools();
    smtp.close();
    await database.close();
    await bench.close();
  }
}
