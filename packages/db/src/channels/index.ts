export * from "./enqueue.ts";
export * from "./events.ts";
export * from "./outbox.ts";
export * from "./settings.ts";
export * from "./tasks.ts";
