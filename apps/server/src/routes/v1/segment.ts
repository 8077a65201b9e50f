import { gunzipSync } from "node:zlib";
import { type FieldIssue, SEGMENT_LIMITS, SegmentBatch } from "@voronka/contract";
import { AppError } from "@voronka/core";
import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { parseMessage } from "./fast-message.ts";
import { ingestBuffer } from "./ingest-buffer.ts";
import { normalizeMessage, type RequestFacts } from "./normalize.ts";
import { readRawBody } from "./raw-body.ts";
import { authenticateWriteKey, writeKeyFromHeader } from "./write-key.ts";

type Json = Record<string, unknown>;
const KB = 1024;

/**
 * Reads the body (gunzipping if needed) and enforces a byte limit with a clear message.
 * Returns the parsed JSON and the body's size in bytes (after gunzip).
 */
async function readBody(
  c: Context<AppEnv>,
  limit: number,
  what: string,
): Promise<{ json: unknown; bytes: number }> {
  let bytes = await readRawBody(c);
  if (c.req.header("content-encoding")?.toLowerCase() === "gzip") {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: limit + 1 });
    } catch {
      throw new AppError(
        "bad_request",
        `The ${what} is not valid gzip, or unpacks to more than ${limit / KB} KB.`,
      );
    }
  }
  if (bytes.length > limit) {
    throw new AppError(
      "bad_request",
      `The ${what} is ${Math.ceil(bytes.length / KB)} KB; the limit is ${limit / KB} KB (as in Segment's API). Send smaller batches.`,
    );
  }
  try {
    return { json: JSON.parse(bytes.toString("utf8")), bytes: bytes.length };
  } catch {
    throw new AppError("bad_request", `The ${what} is not valid JSON.`);
  }
}

function facts(
  c: Context<AppEnv>,
  batch?: { sentAt?: string | number | undefined; context?: Json | undefined },
): RequestFacts {
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    receivedAt: new Date(),
    ip: forwarded || undefined,
    userAgent: c.req.header("user-agent"),
    batchSentAt: batch?.sentAt,
    batchContext: batch?.context,
  };
}

function issues(
  prefix: string,
  error: { issues: Array<{ path: PropertyKey[]; message: string }> },
): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
  }));
}

/** One Segment call (`/v1/track`, `/v1/identify`, …): the body is one message of that type. */
function single(type: "track" | "identify" | "page" | "screen" | "group" | "alias") {
  return async (c: Context<AppEnv>) => {
    const workspaceId = await authenticateWriteKey(
      c,
      writeKeyFromHeader(c.req.header("authorization")),
    );
    const { json: body } = await readBody(c, SEGMENT_LIMITS.messageBytes, "event");
    const parsed = parseMessage({ ...(body as Json), type });
    if (!parsed.success) {
      throw new AppError("validation_failed", "The event is invalid; nothing was stored.", {
        details: issues("", parsed.error),
      });
    }
    await ingestBuffer(c.get("deps").db).store(workspaceId, [
      normalizeMessage(parsed.data, facts(c)),
    ]);
    return c.json({ success: true as const }, 200);
  };
}

/**
 * `/v1/batch`: each message is checked on its own. Valid messages are stored even when others
 * in the same batch are rejected; a batch with rejections answers 400 with one `details` entry
 * per rejected message (`batch.<index>.<field>`), so a sender knows exactly what was dropped.
 */
async function batch(c: Context<AppEnv>) {
  const { json: body, bytes } = await readBody(c, SEGMENT_LIMITS.batchBytes, "batch");
  const parsed = SegmentBatch.safeParse(body);
  const headerKey = writeKeyFromHeader(c.req.header("authorization"));
  const bodyKey =
    body && typeof body === "object" && "writeKey" in body
      ? String((body as Json).writeKey)
      : undefined;
  const workspaceId = await authenticateWriteKey(c, headerKey ?? bodyKey);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The batch is invalid; nothing was stored.", {
      details: issues("", parsed.error),
    });
  }
  const requestFacts = facts(c, parsed.data);
  const rejected: FieldIssue[] = [];
  const events = [];
  // A message's size is its size as sent: in a body no larger than the per-message limit, no
  // message can be over it, so only larger bodies measure each message (as JSON again).
  const measure = bytes > SEGMENT_LIMITS.messageBytes;
  for (const [index, raw] of parsed.data.batch.entries()) {
    if (measure && JSON.stringify(raw).length > SEGMENT_LIMITS.messageBytes) {
      rejected.push({ path: `batch.${index}`, message: "The event is larger than 32 KB." });
      continue;
    }
    const message = parseMessage(raw);
    if (!message.success) {
      rejected.push(...issues(`batch.${index}`, message.error));
      continue;
    }
    events.push(normalizeMessage(message.data, requestFacts));
  }
  await ingestBuffer(c.get("deps").db).store(workspaceId, events);
  if (rejected.length > 0) {
    const total = parsed.data.batch.length;
    const rejectedCount = new Set(rejected.map((r) => r.path.split(".")[1])).size;
    throw new AppError(
      "validation_failed",
      `${rejectedCount} of ${total} events were rejected and not stored; the other ${total - rejectedCount} were stored.`,
      { details: rejected },
    );
  }
  return c.json({ success: true as const }, 200);
}

/** The Segment routes' paths: they read and limit their body themselves (see `readRawBody`). */
export const SEGMENT_PATHS: ReadonlySet<string> = new Set(
  ["track", "identify", "page", "screen", "group", "alias", "batch", "import"].map(
    (p) => `/v1/${p}`,
  ),
);

/**
 * The Segment HTTP Tracking API. Events are committed to Postgres before the 200 is sent.
 * Re-sent messages (same `messageId`) are accepted and stored once.
 */
export const segmentRoutes = new Hono<AppEnv>()
  .post("/v1/track", single("track"))
  .post("/v1/identify", single("identify"))
  .post("/v1/page", single("page"))
  .post("/v1/screen", single("screen"))
  .post("/v1/group", single("group"))
  .post("/v1/alias", single("alias"))
  .post("/v1/batch", batch)
  .post("/v1/import", batch);
