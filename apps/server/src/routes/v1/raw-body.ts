import type { IncomingMessage } from "node:http";
import { AppError } from "@voronka/core";
import type { Context } from "hono";
import type { AppEnv } from "../../env.ts";

/** Bodies of `/v1` calls past this are cut off with 413, as the rest of `/v1` does. */
export const V1_MAX_BODY = 2 * 1024 * 1024;

const tooLarge = () => new AppError("payload_too_large", "The request body is larger than 2 MB.");

/**
 * The request body as one Buffer. Under `@hono/node-server` it is read straight from Node's
 * request (no web-stream `Request` is built: that cost ≈ 0.1 ms a call); elsewhere (tests
 * calling `app.request`) through Hono. Either way a body over 2 MB is refused with 413.
 */
export async function readRawBody(c: Context<AppEnv>): Promise<Buffer> {
  // @hono/node-server passes Node's request as `env.incoming`; Hono types `env` loosely.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableFlowing !== null) {
    const body = Buffer.from(await c.req.arrayBuffer());
    if (body.length > V1_MAX_BODY) throw tooLarge();
    return body;
  }
  if (Number(incoming.headers["content-length"]) > V1_MAX_BODY) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > V1_MAX_BODY) throw tooLarge();
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}
