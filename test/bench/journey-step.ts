/**
 * journey-step: throughput of the pure `step()` on the banquet-hall fixture, on one core, no
 * database. Contacts walk the whole funnel (happy path and every lost branch); each `step()`
 * call counts once. Baseline in the same run: a JSON round trip of the enrollment, the least the
 * engine pays per step to read and write the row.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import {
  ContactSnapshot,
  type Enrollment,
  JourneyGraph,
  newEnrollment,
  type StepInput,
  step,
} from "@voronka/journey";

const FIXTURE = new URL("../fixtures/journeys/banquet.json", import.meta.url);
const ZONES = ["Europe/Berlin", "Europe/Kyiv", "America/New_York", "Asia/Almaty", "UTC"];
const DAY = 86_400_000;
const T0 = Date.parse("2026-03-02T09:00:00Z");

/** Where a simulated lead stops: 0–3 lost at a stage, otherwise all the way. */
const EVENT_STAGE: Record<string, number> = {
  "presentation.booked": 0,
  "presentation.attended": 1,
  "contract.signed": 2,
  "payment.received": 3,
};

function contacts(n: number): ContactSnapshot[] {
  return Array.from({ length: n }, (_, i) =>
    ContactSnapshot.parse({
      id: `contact-${i}`,
      timeZone: ZONES[i % ZONES.length],
      consent: { email: true, sms: true, whatsapp: i % 3 !== 0 },
      attributes: {
        presentationAt: new Date(T0 + 4 * DAY + (i % 8) * 3_600_000).toISOString(),
        eventDate: "2026-06-20",
      },
    }),
  );
}

/** Runs one contact through the journey; returns the number of `step()` calls. */
function walk(graph: JourneyGraph, contact: ContactSnapshot, fate: number, id: string): number {
  let e: Enrollment = newEnrollment(id, contact.id, T0);
  let now = T0;
  let r = step(graph, e, { type: "start", trigger: "lead" }, now, contact);
  let steps = 1;
  e = r.enrollment;
  while (e.status === "waiting" && steps < 100) {
    let input: StepInput = { type: "timer" };
    const w = e.waitingFor;
    if (w?.type === "effect") {
      input = { type: "effect-result", key: w.key, ok: true, value: "EARLY5" };
    } else if (w?.type === "event" && fate > (EVENT_STAGE[w.event] ?? 9)) {
      input = { type: "event", event: { name: w.event, properties: {} } };
      now += 3_600_000;
    } else if (e.wakeAt !== null) {
      now = e.wakeAt;
    }
    r = step(graph, e, input, now, contact);
    e = r.enrollment;
    steps++;
  }
  return steps;
}

/** Entry point for `pnpm bench journey-step [--size N]`; size = contacts walked (default 50k). */
export async function main({ size }: { size?: number }): Promise<void> {
  const n = size ?? 50_000;
  const graph = JourneyGraph.parse(JSON.parse(readFileSync(FIXTURE, "utf8")));
  const people = contacts(Math.min(n, 1000));
  const fateOf = (i: number) => (i % 10 < 4 ? i % 10 : 9);
  const who = (i: number): ContactSnapshot => {
    const c = people[i % people.length];
    if (!c) throw new Error("no contacts");
    return c;
  };
  console.log(`journey-step: banquet fixture, ${graph.nodes.length} nodes, ${n} contacts`);

  // Warm-up so the JIT and the zone-offset cache are in their steady state.
  for (let i = 0; i < Math.min(n, 2000); i++) {
    walk(graph, who(i), fateOf(i), `w${i}`);
  }

  let steps = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    steps += walk(graph, who(i), fateOf(i), `enr-${i}`);
    if (n >= 10_000 && i > 0 && i % Math.floor(n / 5) === 0)
      console.log(`  ${i} contacts, ${steps} steps`);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const stepsPerSec = Math.round(steps / seconds);

  // Baseline: JSON round trips of a mid-journey enrollment, as many as there were steps.
  const sample = step(
    graph,
    newEnrollment("b", "c", T0),
    { type: "start", trigger: "lead" },
    T0,
    who(0),
  ).enrollment;
  const b0 = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < steps; i++) sink += JSON.parse(JSON.stringify(sample)) === null ? 0 : 1;
  const baselineSeconds = Number(process.hrtime.bigint() - b0) / 1e9;
  const jsonRoundTripsPerSec = Math.round(steps / baselineSeconds);

  console.log(
    `  ${steps} steps in ${seconds.toFixed(3)} s → ${stepsPerSec.toLocaleString("en")} steps/s (target ≥ 500,000); JSON round trip ${jsonRoundTripsPerSec.toLocaleString("en")}/s${sink < 0 ? "!" : ""}`,
  );
  console.log(
    JSON.stringify({
      name: "journey-step",
      fixture: "banquet",
      contacts: n,
      steps,
      seconds: Number(seconds.toFixed(3)),
      stepsPerSec,
      stepsPerContact: Number((steps / n).toFixed(2)),
      jsonRoundTripsPerSec,
      ratio: Number((stepsPerSec / jsonRoundTripsPerSec).toFixed(2)),
      target: 500_000,
      cpu: os.cpus()[0]?.model ?? "unknown",
      node: process.version,
    }),
  );
}
