import { createLogger } from "@voronka/core";
import { connect, provisionWorkspace } from "@voronka/db";
import { createApp } from "@voronka/server";
import { startWorker } from "../../apps/worker/src/index.ts";
import { benchDatabase, progress } from "./support/database.ts";

const CITIES = ["Moscow", "Kazan", "Sochi", "Tver", "Omsk"];

/**
 * An N-row CSV as a spreadsheet saves it (`;`, a BOM, quoted cells): 10% of the rows are
 * contacts that already exist, 2% repeat an earlier row, 3% are invalid.
 */
function makeCsv(rows: number): { csv: string; existing: number } {
  const lines = ["\uFEFFEmail;Phone;First name;Last name;City;Birthday;Tags;Plan"];
  let existing = 0;
  for (let i = 0; i < rows; i++) {
    let n = i;
    if (i % 50 === 7) n = i - 1; // a repeat of the row before
    if (i % 10 === 3) existing += 1;
    const email = i % 33 === 5 ? "not-an-email" : `person${n}@example.com`;
    const day = String((n % 28) + 1).padStart(2, "0");
    lines.push(
      [
        email,
        `+7 900 ${String(n).padStart(7, "0")}`,
        `"Name ${n}"`,
        `Surname${n}`,
        CITIES[n % CITIES.length],
        `${day}.0${(n % 9) + 1}.19${50 + (n % 50)}`,
        n % 3 === 0 ? '"vip, newsletter"' : "newsletter",
        n % 2 === 0 ? "gold" : "",
      ].join(";"),
    );
  }
  return { csv: lines.join("\r\n"), existing };
}

/**
 * `pnpm bench import [--size N]`: a CSV of N rows through `POST /api/contacts/imports` and the
 * real worker (in process, one Postgres), timed from upload to `done`; progress is polled the
 * way a client would. 10% of the rows update contacts created before the run.
 */
export async function main({ size = 100_000 }: { size?: number }): Promise<void> {
  progress(`import: ${size} rows`);
  const database = await benchDatabase("import");
  const handle = connect(database.url, { max: 10 });
  const log = createLogger("silent");
  const { workspace, secretKey } = await provisionWorkspace(handle.db, "Bench");
  // Existing contacts: every tenth row's person, known by phone, created by plain SQL.
  await handle.pool.query(
    `with c as (
       insert into contacts (workspace_id, phone, first_name, source)
       select $1, '+7900' || lpad(n::text, 7, '0'), 'Existing', 'bench'
       from generate_series(3, $2 - 1, 10) n
       returning id, phone)
     insert into contact_identities (workspace_id, kind, value, contact_id)
     select $1, 'phone', phone, id from c`,
    [workspace.id, size],
  );
  const { csv, existing } = makeCsv(size);
  progress(
    `${(csv.length / 1024 / 1024).toFixed(1)} MB CSV, ${existing} rows of existing contacts`,
  );
  const app = createApp({ db: handle.db, log, version: "bench" });
  const worker = await startWorker({ database: handle, log, pollInterval: 100 });
  const auth = { authorization: `Bearer ${secretKey}` };
  try {
    const mapping = {
      Email: "email",
      Phone: "phone",
      "First name": "firstName",
      "Last name": "lastName",
      City: "city",
      Birthday: "birthday",
      Tags: "tags",
      Plan: "traits.plan",
    };
    const started = performance.now();
    const res = await app.request(
      `/api/contacts/imports?mapping=${encodeURIComponent(JSON.stringify(mapping))}&fileName=bench.csv`,
      { method: "POST", headers: { ...auth, "content-type": "text/csv" }, body: csv },
    );
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string }; // the API's ContactImport
    const uploaded = (performance.now() - started) / 1000;
    progress(`uploaded and queued in ${uploaded.toFixed(2)} s`);
    let status: Record<string, unknown> = {};
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const poll = await app.request(`/api/contacts/imports/${id}`, { headers: auth });
      status = (await poll.json()) as Record<string, unknown>;
      const elapsed = ((performance.now() - started) / 1000).toFixed(1);
      progress(
        `${elapsed} s: ${status.status} ${status.processedRows}/${status.totalRows ?? "?"} rows`,
      );
      if (status.status === "done" || status.status === "failed") break;
    }
    const seconds = (performance.now() - started) / 1000;
    if (status.status !== "done") throw new Error(`import failed: ${status.error}`);
    const contacts = await handle.pool.query<{ n: number }>(
      "select count(*)::int as n from contacts where workspace_id = $1 and merged_into is null",
      [workspace.id],
    );
    progress(
      `inserted ${status.inserted}, updated ${status.updated}, duplicates ${status.duplicates}, rejected ${status.rejected}; ${contacts.rows[0]?.n} live contacts`,
    );
    const result = {
      name: "import",
      rows: size,
      seconds: Number(seconds.toFixed(2)),
      rowsPerSec: Math.round(size / seconds),
      inserted: status.inserted,
      updated: status.updated,
      duplicates: status.duplicates,
      rejected: status.rejected,
      database: database.where,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await worker.stop();
    await handle.close();
    await database.close();
  }
}

// `pnpm exec tsx test/bench/import.ts --size N` works too.
if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf("--size");
  await main({ size: at > 0 ? Number(process.argv[at + 1]) : 100_000 });
}
