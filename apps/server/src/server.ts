import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import type { ServerDeps } from "./env.ts";

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the HTTP server; resolves once it listens. */
export function startServer(
  deps: ServerDeps,
  options: { port: number; host: string },
): Promise<RunningServer> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        resolve({
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              // Browsers keep idle connections open; don't let them hold up shutdown.
              if ("closeAllConnections" in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once("error", reject);
  });
}
