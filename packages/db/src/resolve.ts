import path from "node:path";
import { startEmbeddedPostgres } from "./embedded.ts";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded Postgres, if one was started; a no-op for `DATABASE_URL`. */
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` if given; otherwise the embedded Postgres with its data in
 * `<dataDir>/pg`, started now and reused on the next start.
 */
export async function resolveDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  pgPort: number;
  onLog?: (line: string) => void;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  const handle = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, "pg"),
    port: options.pgPort,
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  return { url: handle.url, embedded: true, stop: handle.stop };
}
