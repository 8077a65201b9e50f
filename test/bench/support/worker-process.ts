import { type ChildProcess, spawn } from "node:child_process";
import { REPO_ROOT } from "../../support/server-process.ts";

/**
 * Starts the real worker process (`voronka worker`) on `url` and resolves once it reports
 * that it has started. Node itself is spawned (not a wrapper), so a SIGKILL hits the process
 * that holds the transactions. BENCH_VERBOSE=1 shows the worker's log.
 */
export function startWorkerProcess(
  url: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", "worker"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes("worker started")) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      if (process.env.BENCH_VERBOSE) {
        child.stdout?.pipe(process.stderr);
        child.stderr?.pipe(process.stderr);
      } else {
        child.stdout?.resume();
        child.stderr?.resume();
      }
      resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output}`));
    });
  });
}

/** Stops a worker process with `signal` and waits for it to exit. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}
