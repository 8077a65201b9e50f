import { defineConfig } from "vitest/config";

const ignored = ["**/node_modules/**", "**/dist/**"];

/**
 * Three projects, one command (`vitest run`):
 * - unit: pure tests colocated with the code (`*.test.ts`), no I/O;
 * - db:   `*.db.test.ts`, each file on its own database cloned from a migrated template;
 * - e2e:  Playwright driving Debian's Chromium against a real server process.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/*/src/**/*.test.ts",
            "test/unit/**/*.test.ts",
          ],
          exclude: [...ignored, "**/*.db.test.ts", "**/*.e2e.test.ts"],
        },
      },
      {
        test: {
          name: "db",
          include: [
            "packages/*/src/**/*.db.test.ts",
            "apps/*/src/**/*.db.test.ts",
            "test/db/**/*.db.test.ts",
          ],
          exclude: ignored,
          globalSetup: ["test/support/db-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          exclude: ignored,
          globalSetup: ["test/support/db-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
