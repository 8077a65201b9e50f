import { pino } from "pino";

export type Logger = pino.Logger;

/** The one logger. JSON lines in production; `LOG_LEVEL` sets the level. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { app: "voronka" } });
}
