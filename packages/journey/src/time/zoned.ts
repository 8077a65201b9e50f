/**
 * Wall-clock arithmetic in a contact's time zone with nothing but `Intl`.
 *
 * `Intl.DateTimeFormat` is slow (microseconds per call), so the zone offset is cached per
 * 15-minute bucket: real-world offset changes happen on such boundaries.
 */

const BUCKET_MS = 15 * 60_000;
const MAX_CACHE = 50_000;

const formatters = new Map<string, Intl.DateTimeFormat | null>();
/** Zone → 15-minute bucket start → offset. Nested maps avoid building a string key per call. */
const offsets = new Map<string, Map<number, number>>();
let cached = 0;

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      // An unknown zone must not crash a step: such contacts are treated as UTC.
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the platform knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  return formatter(timeZone) !== null;
}

function computeOffset(f: Intl.DateTimeFormat, at: number): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  // `at` is a bucket start, a whole second, so no sub-second remainder to strip.
  return asUtc - at;
}

/** Offset of the zone from UTC at instant `at`, in ms (Berlin in summer: +7,200,000). */
export function zoneOffset(timeZone: string, at: number): number {
  if (timeZone === "UTC") return 0;
  const bucket = Math.floor(at / BUCKET_MS) * BUCKET_MS;
  let zone = offsets.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let o = zone.get(bucket);
  if (o === undefined) {
    const f = formatter(timeZone);
    o = f === null ? 0 : computeOffset(f, bucket);
    if (++cached > MAX_CACHE) {
      offsets.clear();
      cached = 0;
    }
    zone.set(bucket, o);
  }
  return o;
}

/** Local calendar fields of an instant. `weekday`: 0 = Monday … 6 = Sunday. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

/** The wall-clock reading of instant `at` in `timeZone`. */
export function toLocal(at: number, timeZone: string): LocalTime {
  const d = new Date(at + zoneOffset(timeZone, at));
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour,
    minute,
    second: d.getUTCSeconds(),
    weekday: (d.getUTCDay() + 6) % 7,
    minutes: hour * 60 + minute,
  };
}

/**
 * The instant a wall-clock time happens in `timeZone`. Fields may overflow (day 32 is the next
 * month). A time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30); a
 * time repeated by a fall-back is read as its first occurrence.
 */
export function fromLocal(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = zoneOffset(timeZone, local - 86_400_000);
  const after = zoneOffset(timeZone, local + 86_400_000);
  const candidates = before >= after ? [before, after] : [after, before];
  // The larger offset yields the earlier instant, so checking it first picks the first occurrence.
  for (const o of candidates) {
    if (zoneOffset(timeZone, local - o) === o) return local - o;
  }
  return local - before;
}

/** `at` moved by whole local calendar days, keeping the wall-clock time across DST changes. */
export function addLocalDays(at: number, days: number, timeZone: string): number {
  const l = toLocal(at, timeZone);
  return fromLocal(timeZone, l.year, l.month, l.day + days, l.hour, l.minute, l.second);
}
