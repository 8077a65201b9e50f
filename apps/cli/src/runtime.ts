import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, createLogger, type Logger, loadConfig } from "@voronka/core";
import { connect, type Database, migrate, resolveDatabase } from "@voronka/db";

export const WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../web/dist",
);

export interface Runtime {
  config: Config;
  log: Logger;
  database: Database;
  embedded: boolean;
  /** Closes the pool and stops the embedded Postgres (if this process started it). */
  shutdown(): Promise<void>;
}

/**
 * Everything a command needs: configuration, logger, a migrated database (embedded unless
 * `DATABASE_URL` is set) and a pool on it.
 */
export async function openRuntime(options: { quiet?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig();
  const log = createLogger(options.quiet ? "warn" : config.LOG_LEVEL);
  const resolved = await resolveDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.VORONKA_DATA_DIR,
    pgPort: config.VORONKA_PG_PORT,
    onLog: (line) => log.debug({ component: "postgres" }, line),
  });
  try {
    await migrate(resolved.url);
  } catch (err) {
    await resolved.stop();
    throw err;
  }
  const database = connect(resolved.url, { max: 20 });
  return {
    config,
    log,
    database,
    embedded: resolved.embedded,
    shutdown: async () => {
      await database.close();
      await resolved.stop();
    },
  };
}

/**
 * Runs `stop` once on SIGINT/SIGTERM; a second signal exits at once.
 */
export function onShutdownSignal(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal} received: shutting down`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
