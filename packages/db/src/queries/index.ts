export * from "./api-keys.ts";
export * from "./sessions.ts";
export * from "./users.ts";
export * from "./workspaces.ts";
