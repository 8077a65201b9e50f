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

const DAY_MS = 86_400_000;

/** Minutes since local midnight at instant `at` (the cheap part of {@link toLocal}). */
export function localMinutes(at: number, timeZone: string): number {
  const t = at + zoneOffset(timeZone, at);
  return Math.floor((((t % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
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
  const t = at + zoneOffset(timeZone, at);
  const days = Math.floor(t / DAY_MS);
  const ms = t - days * DAY_MS;
  // Civil date from a day count (Howard Hinnant's algorithm): no Date object on the hot path.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const minutes = Math.floor(ms / 60_000);
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: Math.floor(ms / 1000) % 60,
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    weekday: (((days + 3) % 7) + 7) % 7,
    minutes,
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
