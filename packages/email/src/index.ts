export * from "./config.ts";
export * from "./dkim.ts";
export * from "./links.ts";
export * from "./message.ts";
export * from "./render.ts";
export * from "./text.ts";
export * from "./tracking.ts";
export * from "./transport.ts";
