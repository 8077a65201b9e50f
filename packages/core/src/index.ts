export * from "./config.ts";
export * from "./errors.ts";
export * from "./logger.ts";
export const VERSION = "0.1.0";
export * from "./crypto.ts";
export * from "./secret.ts";
export * from "./secret-box.ts";
