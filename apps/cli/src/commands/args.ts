import { parseArgs } from "node:util";

/** A command-line mistake: printed as it is, exit code 2, no stack trace. */
export class UsageError extends Error {}

export interface Args {
  positionals: string[];
  string(name: string): string | undefined;
  bool(name: string): boolean;
}

export function parse(argv: string[]): Args {
  try {
    return fromParsed(argv);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function fromParsed(argv: string[]): Args {
  const { values: parsed, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      workspace: { type: "string" },
      role: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const values: Record<string, string | boolean | undefined> = parsed;
  return {
    positionals,
    string: (name) => {
      const v = values[name];
      return typeof v === "string" ? v : undefined;
    },
    bool: (name) => values[name] === true || values[name] === "true",
  };
}
