import { describe, expect, it } from "vitest";
import { uuidV7 } from "./uuid-v7.ts";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidV7", () => {
  it("is a version 7 uuid whose first 48 bits are the time in milliseconds", () => {
    const at = Date.parse("2026-11-26T10:00:00Z");
    const id = uuidV7(at + 1000);
    expect(id).toMatch(V7);
    expect(Number.parseInt(id.replace("-", "").slice(0, 12), 16)).toBe(at + 1000);
  });

  it("sorts in creation order and never repeats, even many within one millisecond", () => {
    const at = Date.parse("2026-11-26T11:00:00Z");
    const ids = Array.from({ length: 20_000 }, (_, i) => uuidV7(at + Math.floor(i / 5000)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || (ids[i - 1] ?? "") < id)).toBe(true);
    expect(ids.every((id) => V7.test(id))).toBe(true);
  });

  it("keeps counting up when the clock goes back", () => {
    const at = Date.parse("2026-11-26T12:00:00Z");
    const a = uuidV7(at);
    const b = uuidV7(at - 5000);
    expect(b > a).toBe(true);
  });
});
