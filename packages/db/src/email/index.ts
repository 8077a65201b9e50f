export * from "./consent.ts";
export * from "./delivery-events.ts";
export * from "./mailbox.ts";
export * from "./outbox.ts";
export * from "./recipient.ts";
export * from "./settings.ts";
export * from "./templates.ts";
