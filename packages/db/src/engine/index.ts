export * from "./advance.ts";
export * from "./effect-results.ts";
export * from "./enqueue.ts";
export * from "./enroll.ts";
export * from "./outbox.ts";
export * from "./route-events.ts";
export * from "./route-signals.ts";
export * from "./timer.ts";
