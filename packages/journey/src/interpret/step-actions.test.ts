import { describe, expect, it } from "vitest";
import { simulate } from "../harness.ts";
import { actionsOf, startThen as after, contactIn, graphOf, timeOf } from "../test-helpers.ts";
import { ContactSnapshot, Enrollment, newEnrollment } from "../types.ts";
import { step } from "./step.ts";

const T0 = "2026-03-02T09:00:00Z";

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

  it("sends on the preferred channel when any messenger/SMS consent is given, else skips", () => {
    const g = after(
      "m",
      [
        ["m", "send-message", { channel: "preferred", text: "Hi {{ contact.firstName }}" }],
        ["x", "exit", {}],
      ],
      [["m", "out", "x"]],
    );
    const consenting = simulate({
      graph: g,
      contact: contactIn("UTC", { consent: { email: false, viber: true } }),
      start: { at: T0 },
    });
    expect(consenting.effects[0]).toMatchObject({ type: "send-message", channel: "preferred" });
    const none = simulate({
      graph: g,
      contact: contactIn("UTC", { consent: { email: true, sms: false } }),
      start: { at: T0 },
    });
    expect(actionsOf(none)).toEqual(["exit@x"]);
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
