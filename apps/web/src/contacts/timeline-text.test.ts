import type { TimelineItem } from "@voronka/contract";
import { describe, expect, it } from "vitest";
import { describeTimelineItem } from "./timeline-text.ts";

const at = "2026-11-01T10:00:00.000Z";
const funnelId = "6f1c2a4e-8b0d-4c3e-9a51-2f7d8e9b0c11";
const names = (id: string) => (id === funnelId ? "Banquets" : null);

function move(extra: Partial<Extract<TimelineItem, { kind: "stage_move" }>>): TimelineItem {
  return {
    kind: "stage_move",
    id: "1",
    at,
    funnelId,
    fromStage: "Offer sent",
    toStage: "Contract",
    cause: "user",
    lostReason: null,
    lostNote: null,
    ...extra,
  };
}

describe("describeTimelineItem", () => {
  it("says where a contact moved from and to, and who moved it", () => {
    expect(describeTimelineItem(move({}), names)).toEqual({
      title: "Moved from Offer sent to Contract · by a user",
      detail: "Funnel: Banquets",
    });
    expect(describeTimelineItem(move({ fromStage: null, cause: "lead" }), names).title).toBe(
      "Entered Contract · when the lead arrived",
    );
  });

  it("names the lost reason and the note", () => {
    const lost = move({ toStage: "Lost", lostReason: "Too expensive", lostNote: "Went elsewhere" });
    expect(describeTimelineItem(lost, names)).toEqual({
      title: "Marked lost at Offer sent · by a user",
      detail: "Reason: Too expensive · “Went elsewhere” · Funnel: Banquets",
    });
  });

  it("uses the event's own name for tracked events and plain words for the rest", () => {
    const event = (type: string, name: string | null, properties = {}): TimelineItem => ({
      kind: "event",
      id: "2",
      at,
      type,
      name,
      properties,
    });
    expect(describeTimelineItem(event("track", "Viewed Product"), names).title).toBe(
      "Viewed Product",
    );
    expect(describeTimelineItem(event("identify", null), names).title).toBe("Profile updated");
    expect(describeTimelineItem(event("page", null, { title: "Prices" }), names).title).toBe(
      "Viewed the page “Prices”",
    );
  });

  it("describes a lead by its channel and campaign", () => {
    const lead: TimelineItem = {
      kind: "lead",
      id: "3",
      at,
      channel: "web_form",
      utm: { utm_source: "google" },
    };
    expect(describeTimelineItem(lead, names)).toEqual({
      title: "New lead from Web form",
      detail: "source: google",
    });
  });
});
