import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "./env.ts";

/**
 * Serves the built web app: files as they are (hashed assets cached for a year), and
 * `index.html` for every other GET so client-side routes survive a reload.
 */
export function serveWebApp(app: Hono<AppEnv>, distDir: string): void {
  const indexFile = path.join(distDir, "index.html");
  if (!existsSync(indexFile)) {
    app.get("*", (c) =>
      c.html(
        "<!doctype html><title>Voronka</title><p>The web app has not been built yet. " +
          "Run <code>pnpm build:web</code> (or start with <code>pnpm start</code>, which builds it). " +
          'The API is up: <a href="/api/docs">API reference</a>.</p>',
        503,
      ),
    );
    return;
  }
  const root = path.relative(process.cwd(), distDir) || ".";
  app.use(
    "/assets/*",
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header("cache-control", "public, max-age=31536000, immutable");
      },
    }),
  );
  app.use("*", serveStatic({ root }));
  app.get("*", async (c) => {
    c.header("cache-control", "no-cache");
    return c.html(await readFile(indexFile, "utf8"));
  });
}
