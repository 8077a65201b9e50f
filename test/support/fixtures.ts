import { createUser, type Db, provisionWorkspace } from "@voronka/db";

export interface TestTenant {
  workspaceId: string;
  writeKey: string;
  secretKey: string;
  email: string;
  password: string;
}

let counter = 0;

/** A workspace with its keys and an owner who can sign in. */
export async function createTenant(db: Db, name = "Test workspace"): Promise<TestTenant> {
  counter += 1;
  const { workspace, writeKey, secretKey } = await provisionWorkspace(db, name);
  const email = `owner${counter}-${workspace.id.slice(0, 8)}@example.com`;
  const password = "correct horse battery staple";
  await createUser(db, {
    email,
    name: "Owner",
    password,
    workspaceId: workspace.id,
    role: "owner",
  });
  return { workspaceId: workspace.id, writeKey, secretKey, email, password };
}
