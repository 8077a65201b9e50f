export * from "./identity.ts";
export * from "./merge.ts";
export * from "./patch.ts";
export * from "./resolve.ts";
export * from "./store-events.ts";
