import { provisionWorkspace } from "@voronka/db";
import { openRuntime } from "../runtime.ts";
import { type Args, UsageError } from "./args.ts";

/** `workspace create --name NAME [--json]`: a workspace with a write key and a secret key. */
export async function workspaceCommand(args: Args): Promise<void> {
  const [sub] = args.positionals;
  if (sub !== "create")
    throw new UsageError("Usage: voronka workspace create --name NAME [--json]");
  const name = args.string("name")?.trim();
  if (!name) throw new UsageError('Give the workspace a name: --name "Acme"');
  const runtime = await openRuntime({ quiet: true });
  try {
    const created = await provisionWorkspace(runtime.database.db, name);
    const result = {
      workspaceId: created.workspace.id,
      name: created.workspace.name,
      writeKey: created.writeKey,
      secretKey: created.secretKey,
    };
    if (args.bool("json")) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(
        [
          `Created workspace "${result.name}" (${result.workspaceId}).`,
          `Write key (send events to /v1):  ${result.writeKey}`,
          `Secret key (manage via /api):    ${result.secretKey}`,
          "Keep the secret key safe: it is shown only now.",
          "",
        ].join("\n"),
      );
    }
  } finally {
    await runtime.shutdown();
  }
}
