export * from "./analytics/index.ts";
export * from "./audiences/index.ts";
export * from "./channels/index.ts";
export * from "./client.ts";
export * from "./contacts/index.ts";
export * from "./email/index.ts";
export * from "./embedded.ts";
export * from "./engine/index.ts";
/** The engine's contact snapshot, also read by the journey test run. */
export { type ContactWorld, loadContactWorlds } from "./engine/snapshots.ts";
export * from "./funnels/index.ts";
export * from "./journeys/index.ts";
export * from "./leads/index.ts";
export * from "./migrate.ts";
export * from "./queries/index.ts";
export * from "./resolve.ts";
export * from "./schema/index.ts";
export * from "./url.ts";
