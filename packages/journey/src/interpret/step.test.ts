import { describe, expect, it } from "vitest";
import { simulate } from "../harness.ts";
import { actionsOf, contactIn, graphOf, pathOf, timeOf } from "../test-helpers.ts";
import { ContactSnapshot, Enrollment, newEnrollment } from "../types.ts";
import { step } from "./step.ts";

const T0 = "2026-03-02T09:00:00Z";
const after = (
  node: string,
  next: [string, string, unknown][],
  extra: [string, string, string][] = [],
) => graphOf([["start", "trigger-manual", {}], ...next], [["start", "out", node], ...extra]);

describe("triggers", () => {
  it.each([
    ["trigger-event", { event: "signed_up" }],
    ["trigger-lead", { channels: ["telegram"] }],
    ["trigger-stage", { funnel: "f", on: "entered", stage: "s" }],
    ["trigger-attribute", { attribute: "plan" }],
    ["trigger-date", { attribute: "birthday" }],
    ["trigger-segment", { segment: "vip" }],
    ["trigger-manual", {}],
  ] as const)("%s starts the run and passes the trigger event on", (type, data) => {
    const g = graphOf(
      [
        ["t", type, data],
        [
          "c",
          "condition",
          { condition: { kind: "property", property: "source", op: "eq", value: "ad" } },
        ],
      ],
      [["t", "out", "c"]],
    );
    const r = simulate({
      graph: g,
      contact: contactIn(),
      start: { at: T0, trigger: "t", event: { at: T0, name: "x", properties: { source: "ad" } } },
    });
    expect(pathOf(r)).toEqual(["t", "c"]);
    expect(r.enrollment.exitReason).toBe("end-of-path");
    expect(r.effects.at(-1)).toMatchObject({ type: "exit", nodeId: "c", key: "enr-1:c:1:exit" });
  });

  it("an unknown trigger ends the run as an error", () => {
    const g = after("x", [["x", "exit", {}]]);
    const r = step(
      g,
      newEnrollment("e", "c", 0),
      { type: "start", trigger: "x" },
      0,
      ContactSnapshot.parse(contactIn()),
    );
    expect(r.enrollment).toMatchObject({ status: "exited", exitReason: "error:unknown-trigger" });
  });
});

describe("wait", () => {
  const waitGraph = (data: unknown) =>
    after(
      "w",
      [
        ["w", "wait", data],
        ["m", "send-email", { templateId: "t" }],
      ],
      [["w", "out", "m"]],
    );

  it("waits minutes and hours exactly", () => {
    const r = simulate({
      graph: waitGraph({ mode: "duration", duration: { amount: 90, unit: "minutes" } }),
      contact: contactIn("Asia/Kolkata"),
      start: { at: T0 },
    });
    expect(timeOf(r, "m", "send-email")).toBe("2026-03-02T10:30:00.000Z");
  });

  it("a 1-day wait across the spring-forward change keeps the local time (23 real hours)", () => {
    // Berlin moves from CET to CEST on 2026-03-29.
    const r = simulate({
      graph: waitGraph({ mode: "duration", duration: { amount: 1, unit: "days" } }),
      contact: contactIn("Europe/Berlin"),
      start: { at: "2026-03-28T08:00:00Z" }, // 09:00 CET
    });
    expect(timeOf(r, "m", "send-email")).toBe("2026-03-29T07:00:00.000Z"); // 09:00 CEST
  });

  it("a 1-week wait across the fall-back change keeps the local time (169 real hours)", () => {
    const r = simulate({
      graph: waitGraph({ mode: "duration", duration: { amount: 1, unit: "weeks" } }),
      contact: contactIn("America/New_York"),
      start: { at: "2026-10-29T14:00:00Z" }, // 10:00 EDT
    });
    expect(timeOf(r, "m", "send-email")).toBe("2026-11-05T15:00:00.000Z"); // 10:00 EST
  });

  it("waits until a date attribute minus an offset, at a local time", () => {
    const r = simulate({
      graph: waitGraph({
        mode: "until-date",
        attribute: "eventDate",
        offset: { amount: -3, unit: "days" },
        at: "10:00",
      }),
      contact: contactIn("Asia/Tokyo", { attributes: { eventDate: "2026-04-20" } }),
      start: { at: T0 },
    });
    expect(timeOf(r, "m", "send-email")).toBe("2026-04-17T01:00:00.000Z");
  });

  it("goes on at once when the date is missing or past", () => {
    const g = waitGraph({ mode: "until-date", attribute: "eventDate" });
    const cases: Record<string, string>[] = [{}, { eventDate: "2020-01-01" }, { eventDate: "x" }];
    for (const attributes of cases) {
      const r = simulate({
        graph: g,
        contact: contactIn("UTC", { attributes }),
        start: { at: T0 },
      });
      expect(timeOf(r, "m", "send-email")).toBe("2026-03-02T09:00:00.000Z");
    }
  });

  it("waits for the next weekday window in the contact's zone", () => {
    const g = waitGraph({
      mode: "window",
      days: ["mon", "tue", "wed", "thu", "fri"],
      from: "09:00",
      to: "17:00",
    });
    // Saturday 2026-03-07 12:00 in Los Angeles → Monday 09:00 PST.
    const sat = simulate({
      graph: g,
      contact: contactIn("America/Los_Angeles"),
      start: { at: "2026-03-07T20:00:00Z" },
    });
    expect(timeOf(sat, "m", "send-email")).toBe("2026-03-09T16:00:00.000Z");
    // Already inside the window: no wait.
    const tue = simulate({
      graph: g,
      contact: contactIn("America/Los_Angeles"),
      start: { at: "2026-03-10T18:00:00Z" },
    });
    expect(timeOf(tue, "m", "send-email")).toBe("2026-03-10T18:00:00.000Z");
  });
});

describe("wait for event", () => {
  const g = after(
    "w",
    [
      [
        "w",
        "wait-for-event",
        {
          event: "order",
          filter: { kind: "property", property: "total", op: "gte", value: 50 },
          timeout: { amount: 2, unit: "days" },
        },
      ],
      ["yes", "send-email", { templateId: "thanks" }],
      ["no", "send-email", { templateId: "nudge" }],
    ],
    [
      ["w", "event", "yes"],
      ["w", "timeout", "no"],
    ],
  );

  it("leaves by `event` when a matching event arrives; the event is then in scope", () => {
    const r = simulate({
      graph: g,
      contact: contactIn(),
      start: { at: T0 },
      events: [
        { at: "2026-03-02T10:00:00Z", name: "order", properties: { total: 10 } },
        { at: "2026-03-03T10:00:00Z", name: "order", properties: { total: 80 } },
      ],
    });
    expect(pathOf(r)).toEqual(["start", "w", "yes"]);
    expect(r.enrollment.context.event).toEqual({ name: "order", properties: { total: 80 } });
    expect(timeOf(r, "yes", "send-email")).toBe("2026-03-03T10:00:00.000Z");
  });

  it("leaves by `timeout` when time runs out, and records what it waits for", () => {
    const r = simulate({
      graph: g,
      contact: contactIn(),
      start: { at: T0 },
      until: "2026-03-03T00:00:00Z",
    });
    expect(r.enrollment).toMatchObject({
      status: "waiting",
      wakeAt: Date.parse("2026-03-04T09:00:00.000Z"),
      waitingFor: { type: "event", event: "order" },
    });
    const done = simulate({ graph: g, contact: contactIn(), start: { at: T0 } });
    expect(pathOf(done)).toEqual(["start", "w", "no"]);
  });
});

describe("condition, goal, exit", () => {
  it("routes yes/no on the contact's attributes, stages, segments and event counts", () => {
    const g = after(
      "c",
      [
        [
          "c",
          "condition",
          {
            condition: {
              kind: "all",
              rules: [
                { kind: "attribute", attribute: "guests", op: "gte", value: 50 },
                { kind: "stage", funnel: "f", op: "in", stages: ["offer"] },
                { kind: "not", rule: { kind: "segment", segment: "blocked", op: "in" } },
              ],
            },
          },
        ],
        ["y", "exit", { reason: "yes" }],
        ["n", "exit", { reason: "no" }],
      ],
      [
        ["c", "yes", "y"],
        ["c", "no", "n"],
      ],
    );
    const run = (attributes: Record<string, number>) =>
      simulate({
        graph: g,
        contact: contactIn("UTC", { attributes, stages: { f: { stage: "offer" } } }),
        start: { at: T0 },
      }).enrollment.exitReason;
    expect(run({ guests: 80 })).toBe("yes");
    expect(run({ guests: 20 })).toBe("no");
  });

  it("a later condition sees this step's own contact update and stage move", () => {
    const g = after(
      "u",
      [
        ["u", "update-contact", { set: { vip: true } }],
        ["s", "move-stage", { funnel: "f", stage: "won" }],
        [
          "c",
          "condition",
          {
            condition: {
              kind: "all",
              rules: [
                { kind: "attribute", attribute: "vip", op: "eq", value: true },
                { kind: "stage", funnel: "f", op: "in", stages: ["won"] },
              ],
            },
          },
        ],
      ],
      [
        ["u", "out", "s"],
        ["s", "out", "c"],
        ["c", "yes", "y"],
        ["c", "no", "n"],
      ],
    );
    const full = graphOf(
      [
        ...g.nodes.map((n) => [n.id, n.type, n.data] as const),
        ["y", "exit", { reason: "saw it" }],
        ["n", "exit", {}],
      ],
      g.edges.map((e) => [e.source, e.sourceHandle, e.target] as const),
    );
    const r = simulate({ graph: full, contact: contactIn(), start: { at: T0 } });
    expect(r.enrollment.exitReason).toBe("saw it");
  });

  it("a goal converts from anywhere when its event arrives", () => {
    const g = after(
      "w",
      [
        ["w", "wait", { mode: "duration", duration: { amount: 5, unit: "days" } }],
        ["m", "send-email", { templateId: "t" }],
        ["goal", "goal", { name: "Bought", event: { event: "order" } }],
      ],
      [["w", "out", "m"]],
    );
    const r = simulate({
      graph: g,
      contact: contactIn(),
      start: { at: T0 },
      events: [{ at: "2026-03-03T00:00:00Z", name: "order" }],
    });
    expect(r.enrollment).toMatchObject({ status: "converted", exitReason: "Bought", node: "goal" });
    expect(actionsOf(r)).toEqual(["converted@goal"]);
  });

  it("a condition goal converts a waiting run when it wakes; unmet in the flow it goes on", () => {
    const g = after(
      "goal",
      [
        [
          "goal",
          "goal",
          {
            name: "Paid",
            condition: { kind: "attribute", attribute: "paid", op: "eq", value: true },
          },
        ],
        ["u", "update-contact", { set: { paid: true } }],
        ["w", "wait", { mode: "duration", duration: { amount: 1, unit: "hours" } }],
        ["m", "send-email", { templateId: "never" }],
      ],
      [
        ["goal", "out", "u"],
        ["u", "out", "w"],
        ["w", "out", "m"],
      ],
    );
    const r = simulate({ graph: g, contact: contactIn(), start: { at: T0 } });
    expect(pathOf(r)).toEqual(["start", "goal", "u", "w", "goal"]);
    expect(r.enrollment.status).toBe("converted");
    expect(actionsOf(r)).not.toContain("send-email@m");
  });

  it("exit ends the run with its reason", () => {
    const g = after("x", [["x", "exit", { reason: "done" }]]);
    const r = simulate({ graph: g, contact: contactIn(), start: { at: T0 } });
    expect(r.enrollment).toMatchObject({
      status: "exited",
      exitReason: "done",
      endedAt: Date.parse("2026-03-02T09:00:00.000Z"),
    });
  });
});

describe("actions", () => {
  it("emit their effects with keys from (enrollment, node, visit)", () => {
    const g = after(
      "a",
      [
        ["a", "audience", { audienceId: "aud", action: "add" }],
        ["s", "move-stage", { funnel: "f", stage: "offer" }],
        ["l", "mark-lost", { funnel: "f", reason: "Too expensive" }],
        ["u", "update-contact", { set: { plan: "pro" }, addTags: ["t"], addPoints: 5 }],
        ["n", "notify-manager", { message: "Call them" }],
        ["m", "send-message", { channel: "telegram", text: "Hi" }],
        ["h", "webhook", { url: "https://example.com/hook" }],
      ],
      [
        ["a", "out", "s"],
        ["s", "out", "l"],
        ["l", "out", "u"],
        ["u", "out", "n"],
        ["n", "out", "m"],
        ["m", "out", "h"],
      ],
    );
    const r = simulate({ graph: g, contact: contactIn(), start: { at: T0 }, enrollmentId: "E" });
    expect(r.effects.map((e) => e.key)).toEqual([
      "E:a:1:audience",
      "E:s:1:move-stage",
      "E:l:1:mark-lost",
      "E:u:1:update-contact",
      "E:n:1:notify",
      "E:m:1:send",
      "E:h:1:webhook",
      "E:h:1:exit",
    ]);
    expect(r.effects[2]).toMatchObject({ type: "mark-lost", funnel: "f", reason: "Too expensive" });
    expect(r.effects[5]).toMatchObject({ type: "send-message", channel: "telegram", text: "Hi" });
    expect(r.contact.stages.f).toEqual({ stage: "offer", lost: true });
    expect(r.contact.attributes).toMatchObject({ plan: "pro", points: 5 });
  });

  it("skips a message the contact has not consented to, and goes on", () => {
    const g = after(
      "m",
      [
        ["m", "send-email", { templateId: "t" }],
        ["x", "exit", {}],
      ],
      [["m", "out", "x"]],
    );
    const r = simulate({
      graph: g,
      contact: contactIn("UTC", { consent: { email: false } }),
      start: { at: T0 },
    });
    expect(actionsOf(r)).toEqual(["exit@x"]);
  });

  it("a promo code waits for the engine's result, then reaches later emails", () => {
    const g = after(
      "p",
      [
        ["p", "promo-code", { discountPercent: 10, saveAs: "code" }],
        ["m", "send-email", { templateId: "t" }],
      ],
      [["p", "out", "m"]],
    );
    const r = simulate({
      graph: g,
      contact: contactIn(),
      start: { at: T0 },
      respond: () => ({ ok: true, value: "SAVE10" }),
    });
    expect(r.effects.find((e) => e.type === "send-email")).toMatchObject({
      vars: { code: "SAVE10" },
    });
    // With no answer, the run goes on after the result timeout, without a code.
    const first = step(
      g,
      newEnrollment("e", "c", 0),
      { type: "start", trigger: "start" },
      0,
      ContactSnapshot.parse(contactIn()),
    );
    expect(first.enrollment.waitingFor).toEqual({ type: "effect", key: "e:p:1:promo" });
    const wake = first.enrollment.wakeAt ?? 0;
    const late = step(
      g,
      first.enrollment,
      { type: "timer" },
      wake,
      ContactSnapshot.parse(contactIn()),
    );
    expect(late.effects[0]).toMatchObject({ type: "send-email", vars: {} });
  });

  it("a webhook awaiting its response stores it for later steps", () => {
    const g = after(
      "h",
      [
        [
          "h",
          "webhook",
          { url: "https://crm.example/score", awaitResponse: true, saveAs: "score" },
        ],
        ["x", "exit", {}],
      ],
      [["h", "out", "x"]],
    );
    const r = simulate({
      graph: g,
      contact: contactIn(),
      start: { at: T0 },
      respond: () => ({ ok: true, value: { score: 7 } }),
    });
    expect(r.enrollment.context.results).toEqual({ score: { score: 7 } });
    expect(r.enrollment.status).toBe("exited");
  });
});

describe("policies inside step", () => {
  it("holds an email during quiet hours in the contact's zone and sends it when they end", () => {
    const g = graphOf(
      [
        ["start", "trigger-manual", {}],
        ["m", "send-email", { templateId: "t" }],
      ],
      [["start", "out", "m"]],
      { quietHours: { from: "21:00", to: "08:00" } },
    );
    // 23:30 in New York (EST) → held until 08:00 local = 13:00 UTC.
    const r = simulate({
      graph: g,
      contact: contactIn("America/New_York"),
      start: { at: "2026-01-15T04:30:00Z" },
    });
    expect(r.effects.map((e) => [e.type, e.at])).toEqual([
      ["schedule-wake", "2026-01-15T04:30:00.000Z"],
      ["send-email", "2026-01-15T13:00:00.000Z"],
      ["exit", "2026-01-15T13:00:00.000Z"],
    ]);
    expect(r.effects[0]).toMatchObject({ at: "2026-01-15T04:30:00.000Z", type: "schedule-wake" });
    expect(r.effects[1]?.key).toBe("enr-1:m:1:send");
    // Same instant in UTC is not quiet for a London contact in winter (04:30 is, so check noon).
    const london = simulate({
      graph: g,
      contact: contactIn("Europe/London"),
      start: { at: "2026-01-15T12:00:00Z" },
    });
    expect(timeOf(london, "m", "send-email")).toBe("2026-01-15T12:00:00.000Z");
  });

  it("holds a message over the frequency cap until the window frees up", () => {
    const g = graphOf(
      [
        ["start", "trigger-manual", {}],
        ["m", "send-email", { templateId: "t" }],
      ],
      [["start", "out", "m"]],
      { frequencyCap: { max: 2, per: { amount: 1, unit: "days" } } },
    );
    const r = simulate({
      graph: g,
      contact: contactIn("UTC", { recentSends: ["2026-03-01T10:00:00Z", "2026-03-02T08:00:00Z"] }),
      start: { at: T0 },
    });
    expect(timeOf(r, "m", "send-email")).toBe("2026-03-02T10:00:00.000Z");
  });
});

describe("step guarantees", () => {
  const contact = ContactSnapshot.parse(contactIn());
  const g = after(
    "w",
    [
      ["w", "wait", { mode: "duration", duration: { amount: 1, unit: "hours" } }],
      ["m", "send-email", { templateId: "t" }],
    ],
    [["w", "out", "m"]],
  );

  it("is deterministic, does not mutate its input and round-trips through JSON", () => {
    const e0 = newEnrollment("e", "c", 0);
    const frozen = JSON.stringify(e0);
    const a = step(g, e0, { type: "start", trigger: "start" }, 1000, contact);
    const b = step(g, e0, { type: "start", trigger: "start" }, 1000, contact);
    expect(a).toEqual(b);
    expect(JSON.stringify(e0)).toBe(frozen);
    expect(Enrollment.parse(JSON.parse(JSON.stringify(a.enrollment)))).toEqual(a.enrollment);
  });

  it("ignores early timers, unrelated events and anything after the end", () => {
    const s = step(g, newEnrollment("e", "c", 0), { type: "start", trigger: "start" }, 0, contact);
    const early = step(g, s.enrollment, { type: "timer" }, 60_000, contact);
    expect(early.enrollment).toBe(s.enrollment);
    expect(early.effects).toEqual([]);
    const noise = step(
      g,
      s.enrollment,
      { type: "event", event: { name: "x", properties: {} } },
      60_000,
      contact,
    );
    expect(noise.enrollment).toBe(s.enrollment);
    const done = step(g, s.enrollment, { type: "timer" }, 3_600_000, contact);
    expect(done.enrollment.status).toBe("exited");
    expect(step(g, done.enrollment, { type: "timer" }, 9e12, contact).effects).toEqual([]);
  });

  it("a loop with no wait ends in an error exit instead of running forever", () => {
    const loop = graphOf(
      [
        ["start", "trigger-manual", {}],
        ["a", "update-contact", { addPoints: 1 }],
        [
          "b",
          "condition",
          {
            condition: { kind: "attribute", attribute: "never", op: "exists" },
          },
        ],
      ],
      [
        ["start", "out", "a"],
        ["a", "out", "b"],
        ["b", "no", "a"],
      ],
    );
    const r = step(
      loop,
      newEnrollment("e", "c", 0),
      { type: "start", trigger: "start" },
      0,
      contact,
    );
    expect(r.enrollment).toMatchObject({ status: "exited", exitReason: "error:step-limit" });
    expect(new Set(r.effects.map((e) => e.key)).size).toBe(r.effects.length);
  });
});
