import { describe, expect, it } from "vitest";
import { actionSummary } from "./action-summary.ts";

describe("the canvas line of action steps", () => {
  it("says the discount and how long the code lasts", () => {
    const data = { discountPercent: 10, validFor: { amount: 2, unit: "days" }, saveAs: "c" };
    expect(actionSummary("promo-code", data)).toBe("10% off, valid 2 days");
    expect(actionSummary("promo-code", { discountPercent: 15 })).toBe("15% off");
    expect(actionSummary("promo-code", {})).toBeNull();
  });

  it("says the channel and the text of a message", () => {
    expect(actionSummary("send-message", { channel: "sms", text: "Your cart is waiting." })).toBe(
      "SMS: Your cart is waiting.",
    );
    expect(actionSummary("send-message", { channel: "whatsapp" })).toBe("WhatsApp");
    expect(actionSummary("send-message", {})).toBeNull();
  });
});
