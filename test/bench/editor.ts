/**
 * `pnpm bench editor [--size N]`: opens an N-step journey (default 500, at most 1000) in the
 * real editor in Chromium and measures what a marketer feels:
 * - open: from navigation to the steps drawn on the canvas (median of three loads after a
 *   warm-up load), against the budget of 1.5 s for 500 steps;
 * - pan and drag: frame times (requestAnimationFrame deltas) while the mouse pans the canvas
 *   and drags a step, p95 and worst, against a 60 Hz frame (16.7 ms).
 */

import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { connect } from "@voronka/db";
import type { CDPSession, Page } from "playwright-core";
import { launchBrowser } from "../support/browser.ts";
import { createTenant } from "../support/fixtures.ts";
import { REPO_ROOT, startServerProcess } from "../support/server-process.ts";
import { benchDatabase, progress } from "./support/database.ts";

const DEFAULT_STEPS = 500;
const MAX_STEPS = 1000;
const COLUMNS = 20;

/** A valid journey of `n` steps: a trigger, then a long chain of waits, conditions and sends. */
export function bigJourney(n: number) {
  const kinds = [
    ["wait", { mode: "duration", duration: { amount: 1, unit: "days" } }],
    ["condition", { condition: { kind: "attribute", attribute: "plan", op: "eq", value: "pro" } }],
    ["send-email", { templateId: "welcome" }],
    ["wait-for-event", { event: "order_completed", timeout: { amount: 3, unit: "days" } }],
    ["update-contact", { addTags: ["engaged"] }],
  ] as const;
  const at = (i: number) => ({ x: (i % COLUMNS) * 280, y: Math.floor(i / COLUMNS) * 170 });
  const nodes: { id: string; type: string; position: { x: number; y: number }; data: object }[] = [
    { id: "s0", type: "trigger-event", position: at(0), data: { event: "signed_up" } },
  ];
  const edges: { id: string; source: string; sourceHandle: string; target: string }[] = [];
  const exitId = `s${n - 1}`;
  for (let i = 1; i < n - 1; i++) {
    const [type, data] = kinds[i % kinds.length] ?? kinds[0];
    nodes.push({ id: `s${i}`, type, position: at(i), data });
  }
  nodes.push({ id: exitId, type: "exit", position: at(n - 1), data: {} });
  for (let i = 0; i < n - 1; i++) {
    const node = nodes[i];
    if (!node) continue;
    const next = `s${i + 1}`;
    const link = (handle: string, target: string) =>
      edges.push({ id: `e${i}-${handle}`, source: node.id, sourceHandle: handle, target });
    if (node.type === "condition") {
      link("yes", next);
      link("no", exitId);
    } else if (node.type === "wait-for-event") {
      link("event", next);
      link("timeout", exitId);
    } else link("out", next);
  }
  return { schemaVersion: 1, nodes, edges };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Main-thread busy time of the page so far (ms), from Chromium's own counters. */
async function busyMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
}

/** Navigates to the journey and resolves when its steps are drawn (measured and visible). */
async function openMs(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const nodes = document.querySelectorAll(".react-flow__node");
      if (nodes.length === 0) return false;
      // React Flow hides a step until it has measured it.
      const last = nodes[nodes.length - 1] as HTMLElement;
      return getComputedStyle(last).visibility !== "hidden";
    },
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  return performance.now() - started;
}

/** Frame times while `gesture` runs. */
async function frameTimes(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  await gesture();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  const moves = 60;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(from.x + (by.x * i) / moves, from.y + (by.y * i) / moves);
  }
  await page.mouse.up();
}

export async function main({ size }: { size?: number }) {
  const steps = Math.max(3, Math.min(MAX_STEPS, size ?? DEFAULT_STEPS));
  if (!existsSync(path.join(REPO_ROOT, "apps/web/dist/index.html"))) {
    progress("building the web app (apps/web/dist is missing)…");
    execFileSync("pnpm", ["-s", "build:web"], { cwd: REPO_ROOT, stdio: "inherit" });
  }
  const database = await benchDatabase("editor");
  const { db, close } = connect(database.url, { max: 2 });
  const server = await startServerProcess(database.url, "server");
  const browser = await launchBrowser();
  try {
    const tenant = await createTenant(db, "Bench");
    const res = await fetch(`${server.url}/api/journeys`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenant.secretKey}`, "content-type": "application/json" },
      body: JSON.stringify({ name: `${steps} steps`, draft: bigJourney(steps) }),
    });
    const journey = (await res.json()) as { id: string; violations: unknown[] };
    progress(`journey of ${steps} steps created (${journey.violations.length} problems)`);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/journeys`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(tenant.email);
    await page.getByLabel("Password").fill(tenant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/journeys$/);

    const url = `${server.url}/journeys/${journey.id}`;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const firstOpen = await openMs(page, url);
    const opens: number[] = [];
    const openBusy: number[] = [];
    for (let i = 0; i < 3; i++) {
      opens.push(await openMs(page, url));
      // Busy time of the new document: navigation resets Chromium's counters.
      openBusy.push(await busyMs(cdp));
    }
    const openCpu = percentile(openBusy, 0.5);
    // EDITOR_BENCH_PROFILE=file.cpuprofile: a CPU profile of one more open, for finding hot spots.
    const profilePath = process.env.EDITOR_BENCH_PROFILE;
    if (profilePath) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
      await openMs(page, url);
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync(profilePath, JSON.stringify(profile));
      progress(`profile of one open written to ${profilePath}`);
    }
    const open = percentile(opens, 0.5);
    const rendered = await page.locator(".react-flow__node").count();
    progress(`open: first ${round(firstOpen)} ms, then ${opens.map(round).join(" / ")} ms`);
    progress(`      main thread busy ${openBusy.map(round).join(" / ")} ms`);

    const focus = page.locator('.react-flow__node[data-id="s1"]');
    const canvas = await page.locator(".editor-canvas").boundingBox();
    if (!canvas) throw new Error("no canvas");
    const box = await focus.boundingBox();
    if (!box) throw new Error("step s1 not on screen");
    const busyBeforeDrag = await busyMs(cdp);
    const dragged = await frameTimes(page, () =>
      drag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, { x: 180, y: 120 }),
    );
    const dragBusy = (await busyMs(cdp)) - busyBeforeDrag;
    // Pan last: it moves the first steps out of view.
    const busyBeforePan = await busyMs(cdp);
    const pan = await frameTimes(page, () =>
      drag(
        page,
        { x: canvas.x + canvas.width - 15, y: canvas.y + canvas.height / 2 },
        { x: -300, y: -200 },
      ),
    );
    const panBusy = (await busyMs(cdp)) - busyBeforePan;
    const figures = (frames: number[]) => ({
      frames: frames.length,
      p95Ms: round(percentile(frames, 0.95)),
      maxMs: round(Math.max(...frames)),
    });
    const panFig = figures(pan);
    const dragFig = figures(dragged);
    progress(
      `pan:  ${panFig.frames} frames, p95 ${panFig.p95Ms} ms, worst ${panFig.maxMs} ms, busy ${round(panBusy / panFig.frames)} ms/frame`,
    );
    progress(
      `drag: ${dragFig.frames} frames, p95 ${dragFig.p95Ms} ms, worst ${dragFig.maxMs} ms, busy ${round(dragBusy / dragFig.frames)} ms/frame`,
    );
    console.log(
      JSON.stringify({
        name: "editor",
        steps,
        renderedSteps: rendered,
        firstOpenMs: round(firstOpen),
        openMs: round(open),
        openBudgetMs: 1500,
        openRatio: round(open / 1500),
        openMainThreadMs: round(openCpu),
        panBusyPerFrameMs: round(panBusy / panFig.frames),
        dragBusyPerFrameMs: round(dragBusy / dragFig.frames),
        panP95Ms: panFig.p95Ms,
        panMaxMs: panFig.maxMs,
        dragP95Ms: dragFig.p95Ms,
        dragMaxMs: dragFig.maxMs,
        frameBudgetMs: 16.7,
        database: database.where,
      }),
    );
  } finally {
    await browser.close();
    await server.stop();
    await close();
    await database.close();
  }
}
