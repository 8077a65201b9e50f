import { randomPassword } from "@voronka/core";
import { countWorkspaces, createUser, type Db, provisionWorkspace } from "@voronka/db";

export const DEMO_OWNER_EMAIL = "owner@voronka.local";

/**
 * On an empty database, creates a demo workspace and its owner so that a first start can
 * be signed into at once. Returns the credentials to print, or undefined if not empty.
 */
export async function seedIfEmpty(db: Db) {
  if ((await countWorkspaces(db)) > 0) return undefined;
  const { workspace, writeKey, secretKey } = await provisionWorkspace(db, "Demo workspace");
  const password = randomPassword();
  await createUser(db, {
    email: DEMO_OWNER_EMAIL,
    name: "Workspace owner",
    password,
    workspaceId: workspace.id,
    role: "owner",
  });
  return { email: DEMO_OWNER_EMAIL, password, writeKey, secretKey, workspaceId: workspace.id };
}
