export * from "./counts.ts";
export * from "./lifecycle.ts";
export * from "./manage.ts";
