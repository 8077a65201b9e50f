export { type AppType, createApp } from "./app.ts";
export type { Auth, ServerDeps } from "./env.ts";
export { type RunningServer, startServer } from "./server.ts";
