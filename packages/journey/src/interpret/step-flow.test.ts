import { describe, expect, it } from "vitest";
import { simulate } from "../harness.ts";
import {
  actionsOf,
  startThen as after,
  contactIn,
  graphOf,
  pathOf,
  timeOf,
} from "../test-helpers.ts";
import { ContactSnapshot, newEnrollment } from "../types.ts";
import { step } from "./step.ts";

const T0 = "2026-03-02T09:00:00Z";

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
