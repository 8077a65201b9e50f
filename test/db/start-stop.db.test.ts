import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { connect as tcpConnect } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../support/db-global-setup.ts";
import { REPO_ROOT } from "../support/server-process.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** `voronka start` with no DATABASE_URL, as a newcomer runs it; resolves with its output once up. */
function start(dataDir: string, pgPort: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VORONKA_DATA_DIR: dataDir,
    VORONKA_PG_PORT: String(pgPort),
    PORT: "0",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", "start"], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not up in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/localhost:\d+)/.exec(output)?.[1];
      if (url && output.includes("Ctrl-C")) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, ready, exited, output: () => output };
}

describe("voronka start on the embedded default", () => {
  it("comes up with the demo account, reuses the data next time, and Ctrl-C stops Postgres too", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "voronka-start-"));
    await chmod(root, 0o755);
    dirs.push(root);
    const dataDir = path.join(root, "data");
    const pgPort = await freePort();

    const first = start(dataDir, pgPort);
    const url = await first.ready;
    expect(first.output()).toContain("First start");
    expect(first.output()).toMatch(/password: \S+/);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);

    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(await portOpen(pgPort)).toBe(false);

    const second = start(dataDir, pgPort);
    const url2 = await second.ready;
    expect(second.output()).not.toContain("First start");
    expect((await fetch(`${url2}/api/health`)).status).toBe(200);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(await portOpen(pgPort)).toBe(false);
  });
});
