export * from "./client.ts";
export * from "./embedded.ts";
export * from "./migrate.ts";
export * from "./queries/index.ts";
export * from "./resolve.ts";
export * from "./schema/index.ts";
export * from "./url.ts";
