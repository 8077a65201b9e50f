export { CRONTAB, type RunningWorker, startWorker, type WorkerOptions } from "./runner.ts";
export { housekeeping } from "./tasks/housekeeping.ts";
