import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { EXCERPT_CHARS, isTemporaryStatus } from "./http.ts";
import { BlockedAddressError, resolveAllowed } from "./net-guard.ts";

/** What a webhook call came to. */
export type WebhookAnswer =
  | { ok: true; status: number; body: string }
  | { ok: false; permanent: boolean; status: number | null; body: string; error: string };

/** The most of a response body that is read (the rest is dropped). */
const MAX_BODY = 64 * 1024;

/**
 * Sends one webhook request. The host is resolved first and every address checked by the
 * SSRF guard; the connection is pinned to the checked addresses (no second DNS answer).
 * Redirects are not followed. Timeouts, network errors, 408/429 and 5xx are temporary.
 */
export async function webhookRequest(options: {
  url: string;
  method: "POST" | "PUT" | "GET";
  headers: Record<string, string>;
  body: string | undefined;
  allowPrivate: boolean;
  timeoutMs: number;
}): Promise<WebhookAnswer> {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return { ok: false, permanent: true, status: null, body: "", error: "invalid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return {
      ok: false,
      permanent: true,
      status: null,
      body: "",
      error: "only http and https URLs",
    };
  }
  let addresses: Awaited<ReturnType<typeof resolveAllowed>>;
  try {
    addresses = await resolveAllowed(url.hostname, options.allowPrivate);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      permanent: err instanceof BlockedAddressError,
      status: null,
      body: "",
      error: message,
    };
  }
  const pinned: LookupFunction = (_host, opts, cb) => {
    const list = addresses.filter((a) => !opts.family || a.family === opts.family);
    const use = list.length > 0 ? list : addresses;
    if (opts.all) cb(null, use);
    else {
      const first = use[0];
      if (first) cb(null, first.address, first.family);
      else cb(new Error("no address"), "", 4);
    }
  };
  const lib = url.protocol === "https:" ? https : http;
  return new Promise<WebhookAnswer>((resolve) => {
    const req = lib.request(
      url,
      {
        method: options.method,
        headers: {
          ...options.headers,
          ...(options.body !== undefined
            ? { "content-length": Buffer.byteLength(options.body) }
            : {}),
        },
        lookup: pinned,
        timeout: options.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < MAX_BODY) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const body = Buffer.concat(chunks).toString("utf8").slice(0, MAX_BODY);
          if (status >= 200 && status < 300) resolve({ ok: true, status, body });
          else if (status >= 300 && status < 400) {
            resolve({
              ok: false,
              permanent: true,
              status,
              body: body.slice(0, EXCERPT_CHARS),
              error: `HTTP ${status}: redirects are not followed (to ${res.headers.location ?? "?"})`,
            });
          } else {
            resolve({
              ok: false,
              permanent: !isTemporaryStatus(status),
              status,
              body: body.slice(0, EXCERPT_CHARS),
              error: `HTTP ${status}`,
            });
          }
        });
        res.on("error", (err) =>
          resolve({
            ok: false,
            permanent: false,
            status: res.statusCode ?? null,
            body: "",
            error: err.message,
          }),
        );
      },
    );
    // A timeout is a temporary failure; destroy() ends in the error handler below.
    req.on("timeout", () => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
    req.on("error", (err) =>
      resolve({
        ok: false,
        permanent: false,
        status: null,
        body: "",
        error: `request failed: ${err.message}`,
      }),
    );
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}
