/**
 * `pnpm bench <name> [--size N]`: runs `test/bench/<name>.ts`'s exported `main({ size })`.
 * Each benchmark prints readable progress and, as its last line, one JSON object of figures.
 */
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function available(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".test.ts"))
    .map((f) => f.slice(0, -3))
    .sort();
}

function parseArgs(argv: string[]): { name: string | undefined; size: number | undefined } {
  let name: string | undefined;
  let size: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--size") size = Number(argv[++i]);
    else if (a?.startsWith("--size=")) size = Number(a.slice("--size=".length));
    else if (a !== undefined && a !== "--" && name === undefined) name = a;
  }
  return { name, size };
}

const { name, size } = parseArgs(process.argv.slice(2));
const names = available();
if (name === undefined || !names.includes(name)) {
  const what = name === undefined ? "No benchmark named." : `Unknown benchmark “${name}”.`;
  console.error(`${what} Usage: pnpm bench <name> [--size N]. Available: ${names.join(", ")}`);
  process.exit(2);
}
if (size !== undefined && (!Number.isInteger(size) || size <= 0)) {
  console.error("--size must be a positive integer");
  process.exit(2);
}
const mod: unknown = await import(pathToFileURL(`${here}/${name}.ts`).href);
const main =
  typeof mod === "object" && mod !== null && "main" in mod && typeof mod.main === "function"
    ? mod.main
    : null;
if (!main) {
  console.error(`test/bench/${name}.ts does not export main({ size })`);
  process.exit(2);
}
await main({ size });
