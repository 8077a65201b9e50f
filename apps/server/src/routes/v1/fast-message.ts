import { SegmentMessage } from "@voronka/contract";
import { z } from "zod";

type Json = Record<string, unknown>;

/** The same patterns `SegmentMessage`'s time fields use (taken from zod, not copied). */
const DATETIME = z.iso.datetime({ offset: true })._zod.pattern;
const DATE = z.iso.date()._zod.pattern;

/** A JSON object as `z.record` accepts it (JSON.parse never makes a non-plain one). */
function isRecord(v: unknown): v is Json {
  // zod's record leaves out an own `__proto__` key; such rare objects take the zod path.
  return typeof v === "object" && v !== null && !Array.isArray(v) && !Object.hasOwn(v, "__proto__");
}

const optionalRecord = (v: unknown) => v === undefined || isRecord(v);

const isString = (v: unknown, min: number, max: number): v is string =>
  typeof v === "string" && v.length >= min && v.length <= max;

const isTime = (v: unknown) =>
  v === undefined ||
  typeof v === "number" ||
  (typeof v === "string" && (DATETIME.test(v) || DATE.test(v)));

const BAD = Symbol("bad");

/** What `isTime` proved (the casts below say so; the checks are exactly the schema's). */
type Time = string | number | undefined;

/** `Id.nullish()`: a 1–255 character string or a number (kept as a string), null or absent. */
function id(v: unknown): string | null | undefined | typeof BAD {
  if (v === undefined || v === null) return v;
  if (typeof v === "number") return String(v);
  return isString(v, 1, 255) ? v : BAD;
}

const nullishName = (v: unknown) => v === undefined || v === null || isString(v, 0, 200);

/**
 * `SegmentMessage.parse` for the messages senders send most (`track`, `page`, `screen`,
 * `identify`) when they are valid, without zod's per-key copying: the same checks, written out,
 * and the same output (only the schema's keys, numeric ids as strings). Anything else — another
 * type, a field that fails a check — returns undefined, and the caller asks zod, which also
 * words the errors.
 */
export function fastMessage(raw: unknown): SegmentMessage | undefined {
  if (!isRecord(raw)) return undefined;
  const { type } = raw;
  if (type !== "track" && type !== "page" && type !== "screen" && type !== "identify") {
    return undefined;
  }
  const { messageId, timestamp, originalTimestamp, sentAt, context, integrations } = raw;
  if (messageId !== undefined && !isString(messageId, 1, 255)) return undefined;
  const userId = id(raw.userId);
  const anonymousId = id(raw.anonymousId);
  if (userId === BAD || anonymousId === BAD || (!userId && !anonymousId)) return undefined;
  if (!isTime(timestamp) || !isTime(originalTimestamp) || !isTime(sentAt)) return undefined;
  if (!optionalRecord(context) || !optionalRecord(integrations)) return undefined;
  // Plain literals, not a spread of shared fields: V8 copies spreads with undefined values
  // slowly (≈ 3 µs a message, measured), which would cost more than zod.
  switch (type) {
    case "track": {
      const { event, properties } = raw;
      if (!isString(event, 1, 200) || !optionalRecord(properties)) return undefined;
      return {
        type,
        event,
        properties: properties as Json | undefined,
        messageId,
        userId,
        anonymousId,
        timestamp: timestamp as Time,
        originalTimestamp: originalTimestamp as Time,
        sentAt: sentAt as Time,
        context: context as Json | undefined,
        integrations: integrations as Json | undefined,
      };
    }
    case "page": {
      const { name, category, properties } = raw;
      if (!nullishName(name) || !nullishName(category) || !optionalRecord(properties)) {
        return undefined;
      }
      return {
        type,
        name: name as string | null | undefined,
        category: category as string | null | undefined,
        properties: properties as Json | undefined,
        messageId,
        userId,
        anonymousId,
        timestamp: timestamp as Time,
        originalTimestamp: originalTimestamp as Time,
        sentAt: sentAt as Time,
        context: context as Json | undefined,
        integrations: integrations as Json | undefined,
      };
    }
    case "screen": {
      const { name, properties } = raw;
      if (!nullishName(name) || !optionalRecord(properties)) return undefined;
      return {
        type,
        name: name as string | null | undefined,
        properties: properties as Json | undefined,
        messageId,
        userId,
        anonymousId,
        timestamp: timestamp as Time,
        originalTimestamp: originalTimestamp as Time,
        sentAt: sentAt as Time,
        context: context as Json | undefined,
        integrations: integrations as Json | undefined,
      };
    }
    case "identify": {
      const { traits } = raw;
      if (!optionalRecord(traits)) return undefined;
      return {
        type,
        traits: traits as Json | undefined,
        messageId,
        userId,
        anonymousId,
        timestamp: timestamp as Time,
        originalTimestamp: originalTimestamp as Time,
        sentAt: sentAt as Time,
        context: context as Json | undefined,
        integrations: integrations as Json | undefined,
      };
    }
  }
}

/** A message of a batch: the fast path when it applies, zod's verdict (and errors) otherwise. */
export function parseMessage(raw: unknown): ReturnType<typeof SegmentMessage.safeParse> {
  const fast = fastMessage(raw);
  return fast ? { success: true, data: fast } : SegmentMessage.safeParse(raw);
}
