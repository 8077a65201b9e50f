export * from "./api-keys.ts";
export * from "./invitations.ts";
export * from "./members.ts";
export * from "./sending-rules.ts";
export * from "./sessions.ts";
export * from "./users.ts";
export * from "./workspaces.ts";
