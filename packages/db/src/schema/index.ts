export * from "./audiences.ts";
export * from "./contacts.ts";
export * from "./email.ts";
export * from "./funnels.ts";
export * from "./journey-enrollment.ts";
export * from "./journeys.ts";
export * from "./leads.ts";
export * from "./tenancy.ts";
