import { randomFillSync } from "node:crypto";

let lastMs = -1;
let sequence = 0;
const random = new Uint8Array(8);

/**
 * A time-ordered uuid (RFC 9562 version 7): 48 bits of Unix milliseconds, a 12-bit sequence
 * that counts up within a millisecond (so one process's ids sort in creation order), then 62
 * random bits. Rows keyed by such ids are inserted near the right edge of their btree indexes
 * (and of every index whose key starts with one, like effect keys) instead of at random pages:
 * the pages a batch writes stay in memory, and fewer are written back and logged in full after
 * a checkpoint.
 */
export function uuidV7(now: number = Date.now()): string {
  let ms = Math.max(now, lastMs);
  if (ms === lastMs) {
    sequence++;
    if (sequence > 0xfff) {
      ms++;
      sequence = 0;
    }
  } else {
    // A random start within the first half leaves room to count up.
    randomFillSync(random, 0, 1);
    sequence = (random[0] ?? 0) << 3;
  }
  lastMs = ms;
  randomFillSync(random);
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
  const time = hex(ms, 12);
  const b = random;
  const tail =
    hex(((b[0] ?? 0) & 0x3f) | 0x80, 2) +
    hex(b[1] ?? 0, 2) +
    "-" +
    Array.from(b.subarray(2, 8), (x) => hex(x, 2)).join("");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(sequence, 3)}-${tail}`;
}
