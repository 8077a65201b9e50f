export * from "./auth.ts";
export * from "./contacts.ts";
export * from "./email.ts";
export * from "./errors.ts";
export * from "./funnels.ts";
export * from "./journeys.ts";
export * from "./segment.ts";
export * from "./workspace.ts";
