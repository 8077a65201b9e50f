export * from "./funnels.ts";
export * from "./history.ts";
export * from "./manage.ts";
export * from "./move.ts";
export * from "./rules.ts";
