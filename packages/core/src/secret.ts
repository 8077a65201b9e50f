import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Config, loadConfig } from "./config.ts";

let cached: string | undefined;

/**
 * The server secret (`VORONKA_SECRET`). Without it, a random one is generated on first use and
 * persisted as `<VORONKA_DATA_DIR>/secret` (mode 0600), so links signed before a restart still
 * verify after it. Server and worker on one host share the file.
 */
export function serverSecret(
  config: Pick<Config, "VORONKA_SECRET" | "VORONKA_DATA_DIR"> = loadConfig(),
): string {
  if (config.VORONKA_SECRET) return config.VORONKA_SECRET;
  if (cached) return cached;
  const file = join(config.VORONKA_DATA_DIR, "secret");
  try {
    cached = readFileSync(file, "utf8").trim();
    if (cached.length >= 32) return cached;
  } catch {
    // Not created yet: fall through and create it.
  }
  mkdirSync(config.VORONKA_DATA_DIR, { recursive: true });
  const fresh = randomBytes(32).toString("base64url");
  try {
    // `wx`: two processes starting together must not overwrite each other's secret.
    writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
    cached = fresh;
  } catch {
    cached = readFileSync(file, "utf8").trim();
  }
  return cached;
}
