/**
 * `pnpm bench <name> [--size N]`: runs `test/bench/<name>.ts`'s exported `main({ size })`.
 * Each benchmark prints readable progress and, as its last line, one JSON object with its
 * figures. (A `main` that returns an object instead gets it printed here.)
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { size: { type: "string" } },
});
const name = positionals[0];
if (!name || !available.includes(name)) {
  process.stderr.write(
    `${name ? `No benchmark named "${name}". ` : ""}Usage: pnpm bench <name> [--size N]\nAvailable: ${available.join(", ")}\n`,
  );
  process.exit(2);
}
const size = values.size === undefined ? undefined : Number(values.size);
if (size !== undefined && (!Number.isInteger(size) || size <= 0)) {
  process.stderr.write(`--size must be a positive integer, got "${values.size}"\n`);
  process.exit(2);
}

const mod: { main?: (options: { size?: number }) => Promise<unknown> } = await import(
  pathToFileURL(path.join(here, `${name}.ts`)).href
);
if (typeof mod.main !== "function") {
  process.stderr.write(`test/bench/${name}.ts exports no main()\n`);
  process.exit(2);
}
const result = await mod.main(size === undefined ? {} : { size });
if (result && typeof result === "object") process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
