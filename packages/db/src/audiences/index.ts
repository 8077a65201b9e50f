export * from "./accounts.ts";
export * from "./journey-effects.ts";
export * from "./manage.ts";
export * from "./membership.ts";
export * from "./stage-hook.ts";
export * from "./sync-state.ts";
