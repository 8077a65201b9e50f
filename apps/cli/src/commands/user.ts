import { randomPassword } from "@voronka/core";
import { createUser, findUserByEmail, oldestWorkspaceIds, setUserPassword } from "@voronka/db";
import { openRuntime } from "../runtime.ts";
import { type Args, UsageError } from "./args.ts";

const USAGE = [
  "Usage:",
  "  voronka user create --email EMAIL [--name NAME] [--password PASSWORD] [--workspace ID] [--role owner|admin|member]",
  "  voronka user set-password --email EMAIL [--password PASSWORD]",
  "Without --password a random one is generated and printed.",
].join("\n");

/** `user create` and `user set-password`. */
export async function userCommand(args: Args): Promise<void> {
  const [sub] = args.positionals;
  const email = args.string("email")?.trim();
  if ((sub !== "create" && sub !== "set-password") || !email) throw new UsageError(USAGE);
  const role = args.string("role") ?? "owner";
  if (role !== "owner" && role !== "admin" && role !== "member") throw new UsageError(USAGE);
  const password = args.string("password") ?? randomPassword();
  if (password.length < 8) throw new UsageError("The password must be at least 8 characters.");

  const runtime = await openRuntime({ quiet: true });
  const { db } = runtime.database;
  try {
    if (sub === "set-password") {
      const user = await findUserByEmail(db, email);
      if (!user) throw new UsageError(`No user with the email ${email}.`);
      await setUserPassword(db, user.id, password);
      process.stdout.write(`New password for ${user.email}: ${password}\n`);
      return;
    }
    let workspaceId = args.string("workspace");
    if (!workspaceId) {
      const all = await oldestWorkspaceIds(db, 2);
      if (all.length !== 1 || !all[0]) {
        throw new UsageError(
          "There is more than one workspace (or none): choose one with --workspace ID.",
        );
      }
      workspaceId = all[0];
    }
    const user = await createUser(db, {
      email,
      name: args.string("name") ?? email,
      password,
      workspaceId,
      role,
    });
    if (!user) throw new UsageError(`A user with the email ${email} already exists.`);
    process.stdout.write(`Created ${user.email} (${role}) with the password: ${password}\n`);
  } finally {
    await runtime.shutdown();
  }
}
