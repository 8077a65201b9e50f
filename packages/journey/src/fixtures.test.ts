import { describe, expect, it } from "vitest";
import { simulate } from "./harness.ts";
import { actionsOf, contactIn, fixture, fixtureJson, pathOf, timeOf } from "./test-helpers.ts";
import { validate } from "./validate/validate.ts";

const NAMES = ["banquet", "ecommerce-funnel", "abandoned-cart", "win-back"];

describe("fixtures", () => {
  it.each(NAMES)("%s validates clean", (name) => {
    expect(validate(fixtureJson(name))).toEqual([]);
  });
});

describe("banquet-hall sales funnel", () => {
  const graph = fixture("banquet");
  const contact = contactIn("Europe/Berlin", {
    attributes: { presentationAt: "2026-03-06T15:00:00+01:00", eventDate: "2026-06-20" },
  });
  const start = { at: "2026-03-02T09:00:00Z" };
  const stagesOf = (r: ReturnType<typeof simulate>) =>
    r.effects
      .filter((e) => e.type === "move-stage")
      .map((e) => (e.type === "move-stage" ? e.stage : ""));

  it("walks a lead through all seven stages to after the event, with the contract discount", () => {
    const r = simulate({
      graph,
      contact,
      start,
      events: [
        { at: "2026-03-03T11:00:00Z", name: "presentation.booked" },
        { at: "2026-03-06T15:30:00Z", name: "presentation.attended" },
        { at: "2026-03-08T09:00:00Z", name: "contract.signed" },
        { at: "2026-03-10T09:00:00Z", name: "payment.received" },
      ],
    });
    expect(r.enrollment.status).toBe("converted");
    expect(r.enrollment.exitReason).toBe("Event held");
    expect(stagesOf(r)).toEqual([
      "first-contact",
      "offer-sent",
      "presentation-booked",
      "presentation",
      "contract",
      "payment",
      "after-event",
    ]);
    // The previous stage's ads stop when the next stage starts.
    expect(actionsOf(r)).toContain("audience@ads-offer-remove");
    expect(actionsOf(r)).toContain("audience@ads-presentation-remove");
    // Reminder the day before the presentation, at the presentation's own time.
    expect(timeOf(r, "sms-presentation-reminder", "send-message")).toBe("2026-03-05T14:00:00.000Z");
    // The discount code issued at the contract stage reaches the email.
    const discount = r.effects.find((e) => e.nodeId === "email-contract-discount");
    expect(discount?.type === "send-email" && discount.vars.earlyPaymentCode).toMatch(/^PROMO-5/);
    // After the event: the day after, 11:00 Berlin summer time.
    expect(timeOf(r, "stage-after-event")).toBe("2026-06-21T09:00:00.000Z");
    expect(pathOf(r).at(-1)).toBe("goal-event-held");
  });

  it("books after the offer reminder", () => {
    const r = simulate({
      graph,
      contact,
      start,
      events: [{ at: "2026-03-06T10:00:00Z", name: "presentation.booked" }],
      until: "2026-03-07T00:00:00Z",
    });
    expect(pathOf(r)).toContain("email-offer-reminder");
    expect(pathOf(r)).toContain("stage-presentation-booked");
    expect(r.enrollment.status).toBe("waiting");
  });

  it("marks the lead lost when the offer gets no reply", () => {
    const r = simulate({ graph, contact, start });
    expect(actionsOf(r)).toContain("mark-lost@lost-no-reply");
    expect(r.enrollment).toMatchObject({ status: "exited", exitReason: "lost: no reply" });
    expect(timeOf(r, "lost-no-reply")).toBe("2026-03-09T09:00:00.000Z");
  });

  it("marks a no-show lost and tells the manager", () => {
    const r = simulate({
      graph,
      contact,
      start,
      events: [{ at: "2026-03-03T11:00:00Z", name: "presentation.booked" }],
    });
    expect(actionsOf(r).slice(-3)).toEqual([
      "mark-lost@lost-no-show",
      "notify-manager@notify-no-show",
      "exit@notify-no-show",
    ]);
    expect(r.enrollment.exitReason).toBe("end-of-path");
  });

  it("marks the lead lost when no contract is signed", () => {
    const r = simulate({
      graph,
      contact,
      start,
      events: [
        { at: "2026-03-03T11:00:00Z", name: "presentation.booked" },
        { at: "2026-03-06T15:30:00Z", name: "presentation.attended" },
      ],
    });
    expect(actionsOf(r)).toContain("mark-lost@lost-no-contract");
    expect(r.enrollment.exitReason).toBe("lost: no contract");
  });

  it("reminds about payment on WhatsApp, then marks lost when nothing is paid", () => {
    const events = [
      { at: "2026-03-03T11:00:00Z", name: "presentation.booked" },
      { at: "2026-03-06T15:30:00Z", name: "presentation.attended" },
      { at: "2026-03-08T09:00:00Z", name: "contract.signed" },
    ];
    const lost = simulate({ graph, contact, start, events });
    expect(actionsOf(lost)).toContain("send-message@whatsapp-payment-reminder");
    expect(actionsOf(lost)).toContain("mark-lost@lost-no-payment");
    const paidLate = simulate({
      graph,
      contact,
      start,
      events: [...events, { at: "2026-03-17T09:00:00Z", name: "payment.received" }],
    });
    expect(pathOf(paidLate)).toContain("whatsapp-payment-reminder");
    expect(paidLate.enrollment.status).toBe("converted");
  });

  it("stops wherever the contact is when the manager marks the deal lost", () => {
    const r = simulate({
      graph,
      contact,
      start,
      events: [{ at: "2026-03-02T12:00:00Z", name: "deal.lost" }],
    });
    expect(r.enrollment).toMatchObject({ status: "exited", exitReason: "exit-event:deal.lost" });
    expect(actionsOf(r)).not.toContain("send-email@email-offer-reminder");
  });
});

describe("e-commerce 4-layer funnel", () => {
  const graph = fixture("ecommerce-funnel");
  const start = { at: "2026-05-04T08:00:00Z", event: { at: 0, name: "signed_up" } };
  const layer = (r: ReturnType<typeof simulate>) => r.contact.attributes.layer;

  it("welcome → interested → considering → buyer on the direct path", () => {
    const r = simulate({
      graph,
      contact: contactIn(),
      start,
      events: [
        { at: "2026-05-05T08:00:00Z", name: "product_viewed" },
        { at: "2026-05-07T08:00:00Z", name: "add_to_cart" },
        { at: "2026-05-09T08:00:00Z", name: "order_completed" },
      ],
    });
    expect(r.enrollment).toMatchObject({ status: "converted", exitReason: "Became a buyer" });
    expect(pathOf(r)).toEqual([
      "signed-up",
      "layer-welcome",
      "email-welcome",
      "wait-welcome",
      "is-interested",
      "layer-interested",
      "email-bestsellers",
      "wait-interested",
      "is-considering",
      "layer-considering",
      "email-reviews",
      "wait-for-order",
      "layer-buyer",
      "email-thank-you",
      "goal-buyer",
    ]);
    expect(layer(r)).toBe("buyer");
    expect(r.contact.tags).toEqual(["subscriber", "buyer"]);
    expect(r.contact.attributes.points).toBe(80);
  });

  it("nudges a quiet subscriber, who then views, waits for a cart and buys", () => {
    const r = simulate({
      graph,
      contact: contactIn(),
      start,
      events: [
        { at: "2026-05-07T08:00:00Z", name: "product_viewed" },
        { at: "2026-05-12T08:00:00Z", name: "add_to_cart" },
        { at: "2026-05-13T08:00:00Z", name: "order_completed" },
      ],
    });
    const path = pathOf(r);
    expect(path).toContain("email-welcome-nudge");
    expect(path).toContain("wait-for-cart");
    expect(r.enrollment.status).toBe("converted");
  });

  it("counts an email click as interest", () => {
    const r = simulate({
      graph,
      contact: contactIn(),
      start,
      events: [{ at: "2026-05-04T09:00:00Z", name: "email.clicked" }],
      until: "2026-05-06T09:00:00Z",
    });
    expect(pathOf(r)).toContain("layer-interested");
  });

  it.each([
    ["never engaged", [], "exit-cold"],
    [
      "did not consider buying",
      [{ at: "2026-05-05T08:00:00Z", name: "product_viewed" }],
      "exit-not-interested",
    ],
    [
      "did not buy",
      [
        { at: "2026-05-05T08:00:00Z", name: "product_viewed" },
        { at: "2026-05-07T08:00:00Z", name: "add_to_cart" },
      ],
      "exit-no-order",
    ],
  ])("exits as “%s”", (reason, events, exitNode) => {
    const r = simulate({ graph, contact: contactIn(), start, events });
    expect(r.enrollment).toMatchObject({ status: "exited", exitReason: reason });
    expect(pathOf(r).at(-1)).toBe(exitNode);
  });

  it("exits at once on unsubscribe", () => {
    const r = simulate({
      graph,
      contact: contactIn(),
      start,
      events: [{ at: "2026-05-05T08:00:00Z", name: "unsubscribed" }],
    });
    expect(r.enrollment.exitReason).toBe("exit-event:unsubscribed");
  });
});

describe("abandoned cart", () => {
  const graph = fixture("abandoned-cart");
  const at = "2026-07-01T10:00:00Z";
  const startWith = (cartValue: number) => ({
    at,
    event: { at, name: "cart_abandoned", properties: { cartValue } },
  });

  it("converts without a reminder when the contact buys within the hour", () => {
    const r = simulate({
      graph,
      contact: contactIn(),
      start: startWith(120),
      events: [{ at: "2026-07-01T10:30:00Z", name: "order_completed" }],
    });
    expect(r.enrollment.status).toBe("converted");
    expect(actionsOf(r)).toEqual(["converted@goal-purchased"]);
  });

  it("reminds after one hour and converts on purchase", () => {
    const r = simulate({
      graph,
      contact: contactIn(),
      start: startWith(120),
      events: [{ at: "2026-07-01T15:00:00Z", name: "order_completed" }],
    });
    expect(timeOf(r, "email-cart-reminder")).toBe("2026-07-01T11:00:00.000Z");
    expect(r.enrollment).toMatchObject({ status: "converted", exitReason: "Purchased" });
  });

  it("offers a discount code on a big cart, and gives up after two days", () => {
    const r = simulate({ graph, contact: contactIn(), start: startWith(120) });
    expect(actionsOf(r)).toEqual([
      "send-email@email-cart-reminder",
      "issue-promo-code@promo-cart",
      "send-email@email-cart-discount",
      "exit@exit-no-purchase",
    ]);
    const email = r.effects.find((e) => e.nodeId === "email-cart-discount");
    expect(email?.type === "send-email" && email.vars.cartCode).toBeTruthy();
  });

  it("sends an SMS on a small cart, then converts on purchase", () => {
    const r = simulate({
      graph,
      contact: contactIn(),
      start: startWith(30),
      events: [{ at: "2026-07-03T09:00:00Z", name: "order_completed" }],
    });
    expect(pathOf(r)).toContain("sms-cart-reminder");
    expect(pathOf(r)).not.toContain("promo-cart");
    expect(r.enrollment.status).toBe("converted");
  });
});

describe("win-back by A/B split", () => {
  const graph = fixture("win-back");
  const at = "2026-09-01T10:00:00Z";
  /** A contact id that lands on the wanted arm of the split. */
  const contactOn = (arm: string) => {
    for (let i = 0; i < 1000; i++) {
      const r = simulate({
        graph,
        contact: contactIn("UTC", { id: `c${i}` }),
        start: { at },
        until: at,
      });
      if (r.enrollment.branches["split-offer"] === arm) return contactIn("UTC", { id: `c${i}` });
    }
    throw new Error(`no contact lands on ${arm}`);
  };

  it("discount arm: issues a code, emails it, converts on order", () => {
    const r = simulate({
      graph,
      contact: contactOn("discount"),
      start: { at },
      events: [{ at: "2026-09-03T10:00:00Z", name: "order_completed" }],
    });
    expect(pathOf(r).slice(0, 4)).toEqual([
      "lapsed",
      "split-offer",
      "promo-winback",
      "email-winback-discount",
    ]);
    expect(r.enrollment.status).toBe("converted");
  });

  it("free-shipping arm: last chance for an opener who did not order", () => {
    const r = simulate({
      graph,
      contact: contactOn("free-shipping"),
      start: { at },
      events: [
        { at: "2026-09-02T10:00:00Z", name: "email.opened" },
        { at: "2026-09-09T12:00:00Z", name: "order_completed" },
      ],
    });
    expect(pathOf(r)).toContain("email-winback-shipping");
    expect(pathOf(r)).toContain("email-last-chance");
    expect(r.enrollment.exitReason).toBe("Won back");
  });

  it("unresponsive contacts leave the retargeting audience", () => {
    const r = simulate({ graph, contact: contactOn("discount"), start: { at } });
    expect(actionsOf(r).slice(-2)).toEqual([
      "audience@ads-lapsed-remove",
      "exit@exit-unresponsive",
    ]);
  });

  it("last chance ignored: leaves the audience too", () => {
    const r = simulate({
      graph,
      contact: contactOn("free-shipping"),
      start: { at },
      events: [{ at: "2026-09-02T10:00:00Z", name: "email.opened" }],
    });
    expect(pathOf(r)).toContain("email-last-chance");
    expect(r.enrollment.exitReason).toBe("did not come back");
  });

  it("holdout contacts get nothing and exit as holdout", () => {
    const r = simulate({ graph, contact: contactOn("holdout"), start: { at } });
    expect(actionsOf(r)).toEqual(["exit@split-offer"]);
    expect(r.enrollment.exitReason).toBe("holdout");
  });
});
