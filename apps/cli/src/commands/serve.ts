import { VERSION } from "@voronka/core";
import { type RunningServer, startServer } from "@voronka/server";
import { type RunningWorker, startWorker } from "@voronka/worker";
import { onShutdownSignal, openRuntime, WEB_DIST } from "../runtime.ts";
import { seedIfEmpty } from "./seed.ts";

/** `start` runs HTTP and jobs in one process; `server` and `worker` run one each. */
export async function serve(parts: { http: boolean; jobs: boolean }): Promise<void> {
  const runtime = await openRuntime();
  const { config, log, database } = runtime;
  let server: RunningServer | undefined;
  let worker: RunningWorker | undefined;
  onShutdownSignal(log, async () => {
    await server?.close();
    await worker?.stop();
    await runtime.shutdown();
  });

  const firstRun = await seedIfEmpty(database.db);
  if (parts.jobs) {
    worker = await startWorker({ database, log, concurrency: config.WORKER_CONCURRENCY });
  }
  if (parts.http) {
    server = await startServer(
      {
        db: database.db,
        log,
        webDist: WEB_DIST,
        cookieSecure: config.COOKIE_SECURE,
        version: VERSION,
      },
      { port: config.PORT, host: config.HOST },
    );
    const url = `http://localhost:${server.port}`;
    const lines = [
      "",
      `  Voronka is running at ${url}`,
      `  API reference: ${url}/api/docs`,
      `  Database: ${runtime.embedded ? `embedded Postgres (data in ${config.VORONKA_DATA_DIR}/pg)` : "DATABASE_URL"}`,
    ];
    if (firstRun) {
      lines.push(
        "",
        '  First start: created the workspace "Demo workspace" and its owner. Sign in with',
        `    email:    ${firstRun.email}`,
        `    password: ${firstRun.password}`,
        "  (shown once; `pnpm voronka user set-password --email ...` sets a new one)",
        `  Write key (events, /v1):   ${firstRun.writeKey}`,
        `  Secret key (API, /api):    ${firstRun.secretKey}`,
      );
    }
    lines.push("", "  Press Ctrl-C to stop.", "");
    process.stdout.write(`${lines.join("\n")}\n`);
  } else {
    log.info("worker started");
  }
}
