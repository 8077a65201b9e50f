import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser.ts";
import { createTenant, type TestTenant } from "./fixtures.ts";
import { REPO_ROOT, type ServerProcess, startServerProcess } from "./server-process.ts";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

/** Where browser tests keep their screenshots (git-ignored, kept by CI as artifacts). */
export const ARTIFACTS = path.join(REPO_ROOT, "test/e2e/artifacts");

export interface E2eWorld {
  database: TestDatabase;
  tenant: TestTenant;
  server: ServerProcess;
  browser: Browser;
  /** A 1440×900 page. */
  page: Page;
}

/**
 * Everything a browser test needs: its own database with a workspace and owner, a real
 * `voronka <command>` process on it (`start` also runs the worker), Chromium and a page.
 */
export async function startE2e(
  workspaceName: string,
  command: "server" | "start" = "start",
): Promise<E2eWorld> {
  const database = await createTestDatabase();
  const tenant = await createTenant(database.db, workspaceName);
  const server = await startServerProcess(database.url, command);
  const browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  return { database, tenant, server, browser, page };
}

/** Stops what `startE2e` started; safe when it failed half-way. */
export async function stopE2e(world: Partial<E2eWorld>): Promise<void> {
  await world.browser?.close();
  await world.server?.stop();
  await world.database?.drop();
}
