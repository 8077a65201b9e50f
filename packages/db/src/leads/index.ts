export * from "./capture.ts";
export * from "./outcome.ts";
export * from "./placement.ts";
export * from "./sources.ts";
export * from "./stage.ts";
export * from "./stats.ts";
export * from "./utm.ts";
