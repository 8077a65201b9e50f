export * from "./funnels.ts";
export * from "./move.ts";
export * from "./rules.ts";
