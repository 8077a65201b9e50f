export * from "./bulk-enroll.ts";
export * from "./counts.ts";
export * from "./enroll-manual.ts";
export * from "./lifecycle.ts";
export * from "./manage.ts";
export * from "./migrate-version.ts";
