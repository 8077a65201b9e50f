import { parse, UsageError } from "./commands/args.ts";
import { serve } from "./commands/serve.ts";
import { userCommand } from "./commands/user.ts";
import { workspaceCommand } from "./commands/workspace.ts";
import { openRuntime } from "./runtime.ts";

const HELP = `Voronka — open-source marketing automation

Usage: pnpm voronka <command>

  start                       server + worker + web app in one process
  server                      HTTP API and web app only
  worker                      background jobs only
  migrate                     apply database migrations and exit
  workspace create --name N [--json]
                              create a workspace; prints its write key and secret key
  user create --email E [--name N] [--password P] [--workspace ID] [--role owner|admin|member]
  user set-password --email E [--password P]

Environment: PORT (3000), DATABASE_URL (unset: embedded Postgres in .data/), LOG_LEVEL (info).
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const args = parse(rest);
  switch (command) {
    case "start":
      return serve({ http: true, jobs: true });
    case "server":
      return serve({ http: true, jobs: false });
    case "worker":
      return serve({ http: false, jobs: true });
    case "migrate": {
      const runtime = await openRuntime();
      await runtime.shutdown();
      process.stdout.write("Migrations applied.\n");
      return;
    }
    case "workspace":
      return workspaceCommand(args);
    case "user":
      return userCommand(args);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(HELP);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`voronka: ${err instanceof Error ? err.message : String(err)}\n`);
  if (err instanceof Error && err.cause) process.stderr.write(`  cause: ${String(err.cause)}\n`);
  process.exit(1);
});
