import { SegmentMessage } from "@voronka/contract";
import { describe, expect, it } from "vitest";
import { fastMessage, parseMessage } from "./fast-message.ts";

/** A small deterministic generator (no seed drift between runs). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VALUES: unknown[] = [
  undefined,
  null,
  "",
  "x",
  "user-1",
  "a".repeat(200),
  "a".repeat(201),
  "a".repeat(255),
  "a".repeat(256),
  0,
  42,
  1.5,
  -1,
  true,
  [],
  [1],
  {},
  { a: 1 },
  { nested: { b: [1, 2] } },
  JSON.parse('{"__proto__": {"x": 1}}'),
  "2026-11-26T03:50:00.000Z",
  "2026-11-26T03:50:00Z",
  "2026-11-26T03:50:00+03:00",
  "2026-11-26T03:50:00",
  "2026-02-30T00:00:00Z",
  "2026-11-26",
  "26.11.2026",
  1764129000000,
];
const TYPES = ["track", "page", "screen", "identify", "group", "alias", "other", undefined];
const KEYS = [
  "messageId",
  "userId",
  "anonymousId",
  "timestamp",
  "originalTimestamp",
  "sentAt",
  "context",
  "integrations",
  "event",
  "properties",
  "name",
  "category",
  "traits",
  "groupId",
  "previousId",
  "extra",
];

/** Drops keys whose value is undefined: zod leaves absent keys out, the fast path sets them. */
const defined = (o: object) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe("fastMessage", () => {
  it("accepts only what zod accepts, with the same output", () => {
    const next = random(4);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      const m: Record<string, unknown> = { type: pick(TYPES) };
      // Mostly valid-looking messages, so the fast path is taken often enough to matter.
      if (next() < 0.7) m.userId = "user-1";
      if (next() < 0.5) m.event = "Viewed Product";
      for (const key of KEYS) if (next() < 0.25) m[key] = pick(VALUES);
      const got = fastMessage(m);
      const zod = SegmentMessage.safeParse(m);
      if (got === undefined) continue;
      fast += 1;
      expect(zod.success, JSON.stringify(m)).toBe(true);
      expect(defined(got), JSON.stringify(m)).toEqual(defined(zod.data ?? {}));
    }
    expect(fast).toBeGreaterThan(1_000);
  });

  it("takes the fast path for the messages Segment's libraries send", () => {
    const track = {
      type: "track",
      event: "Order Completed",
      userId: 42,
      messageId: "m-1",
      timestamp: "2026-11-26T03:50:00.123Z",
      properties: { revenue: 10 },
      context: { library: { name: "analytics-node" } },
      _metadata: { nodeVersion: "20" },
    };
    expect(fastMessage(track)).toMatchObject({
      type: "track",
      userId: "42",
      event: "Order Completed",
    });
    expect(fastMessage(track)).not.toHaveProperty("_metadata");
    expect(fastMessage({ type: "page", anonymousId: "a", name: "Home" })).toBeDefined();
    expect(
      fastMessage({ type: "identify", userId: "u", traits: { email: "a@b.c" } }),
    ).toBeDefined();
  });

  it("leaves invalid messages to zod, which words the error", () => {
    const result = parseMessage({ type: "track", event: "X" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Either userId or anonymousId is required.");
    expect(parseMessage({ type: "alias", userId: "u", previousId: "p" }).success).toBe(true);
  });
});
