import type { Logger } from "@voronka/core";
import type { Database } from "@voronka/db";
import { Logger as GraphileLogger, type Runner, run } from "graphile-worker";
import {
  ADVANCE_TASK,
  type AdvanceTaskOptions,
  advanceEnrollments,
} from "./tasks/advance-enrollments.ts";
import { DATE_TRIGGERS_TASK, dateTriggers } from "./tasks/date-triggers.ts";
import { DISPATCH_CHANNELS_TASK, dispatchChannels } from "./tasks/dispatch-channels.ts";
import { DISPATCH_EMAIL_TASK, dispatchEmail } from "./tasks/dispatch-email.ts";
import { BULK_ENROLL_TASK, enrollContacts } from "./tasks/enroll-contacts.ts";
import { housekeeping } from "./tasks/housekeeping.ts";
import { IMPORT_TASK, importContacts } from "./tasks/import-contacts.ts";
import {
  SYNC_AUDIENCE_TASK,
  SYNC_AUDIENCES_DUE_TASK,
  syncAudiencesDue,
  syncAudienceTask,
} from "./tasks/sync-audience.ts";

export interface WorkerOptions {
  database: Database;
  log: Logger;
  concurrency?: number;
  /** Milliseconds between polls when idle; LISTEN/NOTIFY wakes it sooner. */
  pollInterval?: number;
  /** The advance task's batch size and fan-out (benchmarks try other shapes). */
  advance?: AdvanceTaskOptions;
}

export interface RunningWorker {
  runner: Runner;
  /** Finishes running jobs, then stops. */
  stop(): Promise<void>;
}

/** Cron schedule of the periodic tasks (graphile-worker crontab syntax). */
export const CRONTAB = `*/15 * * * * housekeeping ?max=1
* * * * * ${ADVANCE_TASK} ?max=1
* * * * * ${DISPATCH_EMAIL_TASK} ?max=1
*/5 * * * * ${DATE_TRIGGERS_TASK} ?max=1
* * * * * ${DISPATCH_CHANNELS_TASK} ?max=1
*/5 * * * * ${SYNC_AUDIENCES_DUE_TASK} ?max=1`;

function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const line = { scope, ...meta };
    if (level === "error") log.error(line, message);
    else if (level === "warning") log.warn(line, message);
    else if (level === "info") log.info(line, message);
    else log.debug(line, message);
  });
}

/**
 * Starts graphile-worker on the shared pool. Signals are left to the caller (the CLI), which
 * stops the HTTP server, the worker and the embedded Postgres in order.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { database, log } = options;
  const runner = await run({
    pgPool: database.pool,
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollInterval ?? 2000,
    noHandleSignals: true,
    logger: graphileLogger(log.child({ component: "worker" })),
    crontab: CRONTAB,
    taskList: {
      housekeeping: housekeeping(database.db),
      [ADVANCE_TASK]: advanceEnrollments(database.db, options.advance),
      [IMPORT_TASK]: importContacts(database.db),
      [DISPATCH_EMAIL_TASK]: dispatchEmail(database.db),
      [BULK_ENROLL_TASK]: enrollContacts(database.db),
      [DATE_TRIGGERS_TASK]: dateTriggers(database.db),
      [DISPATCH_CHANNELS_TASK]: dispatchChannels(database.db),
      [SYNC_AUDIENCE_TASK]: syncAudienceTask(database.db),
      [SYNC_AUDIENCES_DUE_TASK]: syncAudiencesDue(database.db),
    },
  });
  // A restarted worker (after a crash, say) resumes due engine work at once, not at the next
  // cron minute; a job a killed worker held stays locked until graphile-worker's lock timeout.
  await runner.addJob(
    ADVANCE_TASK,
    {},
    { jobKey: ADVANCE_TASK, jobKeyMode: "preserve_run_at", maxAttempts: 25 },
  );
  return { runner, stop: () => runner.stop() };
}
