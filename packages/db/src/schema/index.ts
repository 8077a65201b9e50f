export * from "./tenancy.ts";
