import { z } from "zod";

/** Environment variables Voronka reads, parsed once at the boundary. */
export const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded Postgres keeps its data when DATABASE_URL is unset. */
  VORONKA_DATA_DIR: z.string().default(".data"),
  /** Port of the embedded Postgres. */
  VORONKA_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Marks session cookies `Secure`; on by default outside local HTTP. */
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
});
export type Config = z.infer<typeof Config>;

/** Parses `process.env` (or a given record); throws a readable message on bad values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
