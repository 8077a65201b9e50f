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
  /**
   * Server secret that signs email links (unsubscribe, open pixel, click redirect). At least 32
   * characters; when unset, one is generated once and kept in `<VORONKA_DATA_DIR>/secret`. Set it
   * explicitly when server and worker run on different hosts: both must sign with the same key.
   */
  VORONKA_SECRET: z.string().min(32).optional(),
  /** The public base URL of the server, used in links inside emails. */
  VORONKA_PUBLIC_URL: z.string().url().optional(),
  /** Default SMTP server (`smtp://user:pass@host:587`); without it and without workspace
   * settings, emails go to the built-in dev mailbox. */
  SMTP_URL: z.string().url().optional(),
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
