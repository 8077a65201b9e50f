import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp } from "../../../test/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-db.ts";

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** Runs the real CLI in its own process, as `pnpm voronka …` does. */
function voronka(...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", ...args], {
    cwd: repo,
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn" },
  });
}

describe("voronka CLI", () => {
  it("workspace create --json prints keys; the secret key works on /api, the write key does not", async () => {
    const { stdout } = await voronka("workspace", "create", "--name", "Acme", "--json");
    const created = JSON.parse(stdout);
    expect(created).toMatchObject({ name: "Acme" });
    expect(created.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.writeKey).toMatch(/^vk_wk_/);
    expect(created.secretKey).toMatch(/^vk_sk_/);

    const app = createTestApp(database);
    const ok = await app.request("/api/workspace", { headers: bearer(created.secretKey) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).id).toBe(created.workspaceId);
    const refused = await app.request("/api/workspace", { headers: bearer(created.writeKey) });
    expect(refused.status).toBe(403);
  });

  it("user create makes an account that can sign in", async () => {
    const { stdout } = await voronka("workspace", "create", "--name", "Users Inc", "--json");
    const { workspaceId } = JSON.parse(stdout);
    await voronka(
      "user",
      "create",
      "--email",
      "Anna@Example.com",
      "--password",
      "s3cret-pass",
      "--workspace",
      workspaceId,
    );
    const app = createTestApp(database);
    const res = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "anna@example.com", password: "s3cret-pass" }),
    });
    expect(res.status).toBe(200);
  });

  it("explains a missing name and exits with code 2", async () => {
    const failed = await voronka("workspace", "create").catch(
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain("--name");
  });
});
