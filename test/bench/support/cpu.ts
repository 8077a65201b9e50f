import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** CPU milliseconds of one party, sampled before and after a phase. */
export interface CpuSample {
  client: number;
  server: number | null;
  postgres: number | null;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** utime + stime (+ the reaped children's, when `children`) of a process, in ms; null if gone. */
function procCpuMs(pid: number, children = false): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    let ticks = Number(f[11]) + Number(f[12]);
    if (children) ticks += Number(f[13]) + Number(f[14]);
    return ticks * TICK_MS;
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/**
 * The postmaster of the database at `url` when it runs on this host (its pid file is
 * readable), else null. Its CPU plus its children's is the whole Postgres server's — on a
 * shared server that includes other databases' work.
 */
export async function findPostmaster(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ dir: string }>(
      "select setting as dir from pg_settings where name = 'data_directory'",
    );
    const dir = rows[0]?.dir;
    if (!dir) return null;
    const pid = Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** CPU ms of a postmaster, its live children and its exited (reaped) children. */
function postgresCpuMs(postmaster: number): number | null {
  let total = procCpuMs(postmaster, true);
  if (total === null) return null;
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === postmaster) continue;
    if (parentOf(pid) === postmaster) total += procCpuMs(pid) ?? 0;
  }
  return total;
}

/** Samples the CPU used so far by this process, the server process and Postgres. */
export function sampleCpu(serverPid: number | undefined, postmaster: number | null): CpuSample {
  const own = process.cpuUsage();
  return {
    client: (own.user + own.system) / 1000,
    server: serverPid === undefined ? null : procCpuMs(serverPid),
    postgres: postmaster === null ? null : postgresCpuMs(postmaster),
  };
}

/** CPU seconds per party between two samples, and each party's share of their sum. */
export function cpuBetween(before: CpuSample, after: CpuSample) {
  const diff = (k: keyof CpuSample) => {
    const a = after[k];
    const b = before[k];
    return a === null || b === null ? null : (a - b) / 1000;
  };
  const seconds = { client: diff("client"), server: diff("server"), postgres: diff("postgres") };
  const sum = (seconds.client ?? 0) + (seconds.server ?? 0) + (seconds.postgres ?? 0);
  const share = (v: number | null) =>
    v === null || sum === 0 ? null : Number((v / sum).toFixed(2));
  return {
    seconds: {
      client: round(seconds.client),
      server: round(seconds.server),
      postgres: round(seconds.postgres),
    },
    share: {
      client: share(seconds.client),
      server: share(seconds.server),
      postgres: share(seconds.postgres),
    },
  };
}

const round = (v: number | null) => (v === null ? null : Number(v.toFixed(2)));

/** `os.loadavg()` rounded, for the record. */
export function loadAverage(): number[] {
  return os.loadavg().map((l) => Number(l.toFixed(2)));
}
