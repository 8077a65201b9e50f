import type { RetryPolicy } from "./http.ts";
import type { ContactIdentifiers } from "./normalize.ts";

/** What the sync asks a platform to do with some contacts. */
export type UploadOp = "add" | "remove";

/** Counts of one sync session, for the status shown to users. */
export interface SessionStats {
  /** Contacts sent (with at least one usable identifier). */
  sent: number;
  /** Contacts skipped: no email or phone the platform accepts. */
  skipped: number;
  /** HTTP requests made, retries included. */
  requests: number;
}

/**
 * One sync of one audience to one platform. `send` may be called many times (the sync pages
 * through the change log); `finish` completes what the platform needs completed (Google runs
 * its offline user data jobs).
 */
export interface AdSession {
  send(op: UploadOp, contacts: readonly ContactIdentifiers[]): Promise<void>;
  finish(): Promise<SessionStats>;
}

/** A platform account as the adapters need it. */
export interface AdAccountConfig {
  baseUrl: string;
  accountId: string | null;
  credentials: Record<string, string>;
}

export interface AdapterOptions {
  retry?: RetryPolicy;
  fetch?: typeof fetch;
}
