import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../harness.ts";
import { JourneyGraph } from "../schema/graph.ts";
import { validate } from "../validate/validate.ts";

const EVENTS = ["e1", "e2", "e3", "e4"];
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"];
const duration = fc.record({
  amount: fc.integer({ min: 1, max: 96 }),
  unit: fc.constantFrom("minutes", "hours", "days"),
});
const rule = fc.oneof(
  fc.record({
    kind: fc.constant("attribute"),
    attribute: fc.constant("a"),
    op: fc.constant("eq"),
    value: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    kind: fc.constant("event"),
    event: fc.constantFrom(...EVENTS),
    op: fc.constant("gte"),
    count: fc.integer({ min: 1, max: 2 }),
    within: duration,
  }),
  fc.record({
    kind: fc.constant("engagement"),
    channel: fc.constant("email"),
    action: fc.constant("opened"),
    op: fc.constant("did"),
  }),
  fc.record({
    kind: fc.constant("stage"),
    funnel: fc.constant("f"),
    op: fc.constant("in"),
    stages: fc.constant(["s2"]),
  }),
);
const weights = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }))
  .map((raw) => {
    const holdout = (raw[0] ?? 0) % 2 === 0 ? 10 : 0;
    const share = Math.floor((100 - holdout) / raw.length);
    const branches = raw.map((_, i) => ({ id: `b${i}`, name: `B${i}`, weight: share }));
    const rest = 100 - holdout - share * raw.length;
    if (branches[0]) branches[0].weight += rest;
    return { branches, ...(holdout > 0 ? { holdout: { weight: holdout } } : {}) };
  });

/** [type, data, output handles] of a random non-trigger node. */
const nodeSpec: fc.Arbitrary<[string, unknown, string[]]> = fc.oneof(
  duration.map(
    (d) => ["wait", { mode: "duration", duration: d }, ["out"]] as [string, unknown, string[]],
  ),
  fc.constant([
    "wait",
    { mode: "until-date", attribute: "d", offset: { amount: -1, unit: "days" }, at: "10:00" },
    ["out"],
  ] as [string, unknown, string[]]),
  fc.constant([
    "wait",
    { mode: "window", days: ["mon", "wed"], from: "22:00", to: "02:00" },
    ["out"],
  ] as [string, unknown, string[]]),
  fc
    .record({ event: fc.constantFrom(...EVENTS), timeout: duration })
    .map((d) => ["wait-for-event", d, ["event", "timeout"]] as [string, unknown, string[]]),
  rule.map((r) => ["condition", { condition: r }, ["yes", "no"]] as [string, unknown, string[]]),
  weights.map(
    (w) =>
      ["split", w, [...w.branches.map((b) => b.id), ...(w.holdout ? ["holdout"] : [])]] as [
        string,
        unknown,
        string[],
      ],
  ),
  fc
    .oneof(
      fc.constantFrom(...EVENTS).map((e) => ({ name: "g", event: { event: e } })),
      rule.map((r) => ({ name: "g", condition: r })),
    )
    .map((d) => ["goal", d, ["out"]] as [string, unknown, string[]]),
  fc.constant(["exit", {}, []] as [string, unknown, string[]]),
  fc.constant(["send-email", { templateId: "t" }, ["out"]] as [string, unknown, string[]]),
  fc.constant(["send-message", { channel: "sms", text: "hi" }, ["out"]] as [
    string,
    unknown,
    string[],
  ]),
  fc.constant(["audience", { audienceId: "x", action: "add" }, ["out"]] as [
    string,
    unknown,
    string[],
  ]),
  fc.constant(["move-stage", { funnel: "f", stage: "s2" }, ["out"]] as [string, unknown, string[]]),
  fc.constant(["mark-lost", { funnel: "f", reason: "r" }, ["out"]] as [string, unknown, string[]]),
  fc
    .integer({ min: 0, max: 2 })
    .map((a) => ["update-contact", { set: { a } }, ["out"]] as [string, unknown, string[]]),
  fc.constant(["promo-code", { discountPercent: 5 }, ["out"]] as [string, unknown, string[]]),
  fc
    .boolean()
    .map(
      (awaitResponse) =>
        ["webhook", { url: "https://x.test/h", awaitResponse }, ["out"]] as [
          string,
          unknown,
          string[],
        ],
    ),
  fc.constant(["notify-manager", { message: "m" }, ["out"]] as [string, unknown, string[]]),
);

/**
 * A random graph the validator accepts: edges go forward, except edges back into a blocking wait
 * (so every loop holds one); nodes no trigger reaches are pruned.
 */
const validGraph = fc
  .record({
    specs: fc.array(nodeSpec, { minLength: 4, maxLength: 14 }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 9 })), { minLength: 40, maxLength: 40 }),
    quiet: fc.boolean(),
    cap: fc.boolean(),
    exitOn: fc.boolean(),
  })
  .map(({ specs, picks, quiet, cap, exitOn }) => {
    const nodes: { id: string; type: string; data: unknown; handles: string[] }[] = [
      { id: "n0", type: "trigger-manual", data: {}, handles: ["out"] },
      ...specs.map(([type, data, handles], i) => ({ id: `n${i + 1}`, type, data, handles })),
    ];
    const isWait = (i: number) => {
      const n = nodes[i];
      return (
        n?.type === "wait-for-event" ||
        (n?.type === "wait" &&
          typeof n.data === "object" &&
          n.data !== null &&
          "mode" in n.data &&
          n.data.mode === "duration")
      );
    };
    const edges: { source: string; sourceHandle: string; target: string }[] = [];
    let p = 0;
    nodes.forEach((n, i) => {
      for (const h of n.handles) {
        // 20% unconnected (implicit exit), 10% back into a wait, else forward, mostly next.
        const [r, k] = picks[p++ % picks.length] ?? [0, 5];
        if (i === 0 || k >= 2) {
          const waits = nodes.map((_, j) => j).filter((j) => j > 0 && j <= i && isWait(j));
          const forward = nodes.length - i - 1;
          let target: number | null = null;
          if (k === 2 && waits.length > 0) target = waits[r % waits.length] ?? null;
          else if (forward > 0) target = k <= 6 ? i + 1 : i + 1 + (r % forward);
          if (target !== null) edges.push({ source: n.id, sourceHandle: h, target: `n${target}` });
        }
      }
    });
    const reached = new Set(["n0"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of edges) {
        if (reached.has(e.source) && !reached.has(e.target)) {
          reached.add(e.target);
          changed = true;
        }
      }
    }
    return {
      schemaVersion: 1,
      nodes: nodes
        .filter((n) => reached.has(n.id))
        .map(({ id, type, data }, i) => ({ id, type, data, position: { x: i, y: 0 } })),
      edges: edges.filter((e) => reached.has(e.source)).map((e, i) => ({ id: `e${i}`, ...e })),
      settings: {
        ...(quiet ? { quietHours: { from: "21:00", to: "08:00" } } : {}),
        ...(cap ? { frequencyCap: { max: 2, per: { amount: 1, unit: "days" } } } : {}),
        ...(exitOn ? { exitOn: [{ event: "e4" }] } : {}),
      },
    };
  });

const T0 = Date.parse("2026-03-20T10:00:00Z");
const timeline = fc.array(
  fc.record({
    name: fc.constantFrom(...EVENTS, "email.opened"),
    hours: fc.integer({ min: 0, max: 24 * 60 }),
  }),
  { maxLength: 12 },
);
const contact = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  timeZone: fc.constantFrom(...ZONES),
  attributes: fc.record({
    a: fc.integer({ min: 0, max: 2 }),
    d: fc.constantFrom("2026-04-02", "2026-01-01"),
  }),
  consent: fc.record({ email: fc.boolean(), sms: fc.boolean() }),
});

describe("interpreter properties", () => {
  it("random valid graphs and timelines end in exit/converted or a wait, with unique effect keys", () => {
    fc.assert(
      fc.property(validGraph, timeline, contact, (raw, events, who) => {
        expect(validate(raw)).toEqual([]);
        const graph = JourneyGraph.parse(raw);
        const r = simulate({
          graph,
          contact: who,
          start: { at: T0, trigger: "n0" },
          // A loop through a wait may legitimately run forever; bound the simulated time.
          until: T0 + 90 * 86_400_000,
          maxSteps: 3000,
          events: events.map((e) => ({ name: e.name, at: T0 + e.hours * 3_600_000 })),
        });
        const e = r.enrollment;
        expect(["waiting", "exited", "converted"]).toContain(e.status);
        if (e.status === "waiting") expect(e.wakeAt !== null || e.waitingFor !== null).toBe(true);
        else expect(e.exitReason?.startsWith("error:")).toBe(false);
        const keys = r.effects.map((x) => x.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 300 },
    );
  });
});
