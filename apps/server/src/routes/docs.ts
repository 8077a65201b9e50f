import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";

const require = createRequire(import.meta.url);

// Served from node_modules so the reference works offline and on closed networks.
let scalarBundle: Promise<Buffer> | undefined;
function loadScalar(): Promise<Buffer> {
  // The package does not export its browser bundle; find it beside the package's entry point.
  const entry = require.resolve("@scalar/api-reference");
  const root = entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
  scalarBundle ??= readFile(path.join(root, "dist", "browser", "standalone.js"));
  return scalarBundle;
}

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Voronka API reference</title>
</head>
<body>
  <div id="app"></div>
  <script src="/api/docs/scalar.js"></script>
  <script>
    Scalar.createApiReference("#app", {
      url: "/api/openapi.json",
      withDefaultFonts: false,
      hideClientButton: false,
      metaData: { title: "Voronka API reference" },
    });
  </script>
</body>
</html>`;

/** The browsable API reference at `/api/docs`, rendered by Scalar from `/api/openapi.json`. */
export const docsRoutes = new Hono<AppEnv>()
  .get("/api/docs", (c) => c.html(page))
  .get("/api/docs/scalar.js", async (c) => {
    c.header("content-type", "application/javascript; charset=utf-8");
    c.header("cache-control", "public, max-age=86400");
    return c.body(new Uint8Array(await loadScalar()));
  });
