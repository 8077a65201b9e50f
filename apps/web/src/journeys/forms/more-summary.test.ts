import { describe, expect, it } from "vitest";
import { actionSummary } from "./action-summary.ts";
import { moreSummary } from "./more-summary.ts";

describe("the canvas line of trigger, funnel, audience and team steps", () => {
  it("names the lost reason and whether an audience gets or loses the contact", () => {
    expect(moreSummary("mark-lost", { funnel: "f", reason: "Too expensive" })).toBe(
      "Reason: Too expensive",
    );
    expect(moreSummary("mark-lost", { funnel: "f", reason: "" })).toBeNull();
    expect(moreSummary("audience", { audienceId: "a", action: "remove" })).toBe(
      "Remove from ad audience",
    );
    expect(moreSummary("audience", { audienceId: "a", action: "add" })).toBe("Add to ad audience");
    expect(moreSummary("audience", { action: "add" })).toBeNull();
  });

  it("says where leads come from, which stage event and which field or date starts", () => {
    expect(moreSummary("trigger-lead", { channels: [] })).toBe("A lead from any channel");
    expect(moreSummary("trigger-lead", { channels: ["web-form", "phone"] })).toBe(
      "A lead from Web form, Phone call",
    );
    expect(moreSummary("trigger-stage", { funnel: "f", on: "lost" })).toBe("When marked lost");
    expect(moreSummary("trigger-stage", { funnel: "f", on: "entered", stage: "s" })).toBe(
      "When a stage is entered",
    );
    expect(moreSummary("trigger-attribute", { attribute: "plan" })).toBe("When “plan” changes");
    expect(
      moreSummary("trigger-date", { attribute: "birthday", offset: { amount: -3, unit: "days" } }),
    ).toBe("3 days before “birthday”");
    expect(moreSummary("trigger-date", { attribute: "birthday", at: "10:30" })).toBe(
      "On “birthday” at 10:30",
    );
    expect(moreSummary("trigger-date", {})).toBeNull();
    expect(moreSummary("trigger-segment", { segment: "vip" })).toBe("Entered segment “vip”");
    expect(moreSummary("trigger-manual", {})).toBe("Added by hand or by the API");
  });

  it("says what a manager is asked, what changes on the contact and which URL is called", () => {
    expect(moreSummary("notify-manager", { via: "task", message: "Call back" })).toBe(
      "Task: Call back",
    );
    expect(moreSummary("notify-manager", { via: "email", message: "Hot lead" })).toBe(
      "Email to manager: Hot lead",
    );
    expect(moreSummary("notify-manager", { via: "task" })).toBeNull();
    expect(
      moreSummary("update-contact", {
        set: { plan: "pro" },
        addTags: ["vip"],
        removeTags: ["cold"],
        addPoints: 10,
      }),
    ).toBe("plan = pro, + vip, − cold, +10 points");
    expect(moreSummary("update-contact", { set: { a: 1, b: 2 }, addTags: [] })).toBe("2 fields");
    expect(moreSummary("update-contact", { set: {}, addTags: [], addPoints: 0 })).toBeNull();
    expect(moreSummary("webhook", { url: "https://crm.example/hook" })).toBe(
      "POST https://crm.example/hook",
    );
    expect(moreSummary("webhook", { url: "" })).toBeNull();
  });

  it("is what the action line falls back to", () => {
    expect(actionSummary("mark-lost", { reason: "No budget" })).toBe("Reason: No budget");
    expect(actionSummary("wait", {})).toBeNull();
  });
});
