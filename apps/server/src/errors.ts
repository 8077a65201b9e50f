import type { ErrorCode, ErrorEnvelope } from "@voronka/contract";
import { AppError, assertNever } from "@voronka/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env.ts";

/** The one code→status mapping. Exhaustive: a new code does not compile until it is mapped. */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case "bad_request":
    case "validation_failed":
      return 400;
    case "unauthenticated":
    case "invalid_credentials":
    case "invalid_api_key":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "payload_too_large":
      return 413;
    case "rate_limited":
      return 429;
    case "internal":
      return 500;
    case "unavailable":
      return 503;
    default:
      return assertNever(code, "error code");
  }
}

function codeForHttpStatus(status: number): ErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 413) return "payload_too_large";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "internal";
  return "bad_request";
}

/** Turns any thrown value into the error envelope. Unknown errors are logged, never leaked. */
export function onError(err: Error, c: Context<AppEnv>) {
  const requestId = c.get("requestId") ?? "unknown";
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
  } else if (err instanceof HTTPException) {
    const code = codeForHttpStatus(err.status);
    appError = new AppError(code, err.message || defaultMessage(code));
  } else {
    c.get("deps")?.log.error({ err, requestId }, "unhandled error");
    appError = new AppError(
      "internal",
      "Something went wrong on our side. Try again; if it keeps happening, quote the request id.",
    );
  }
  const body: ErrorEnvelope = {
    error: {
      code: appError.code,
      message: appError.message,
      requestId,
      ...(appError.details ? { details: appError.details } : {}),
    },
  };
  return c.json(body, statusOf(appError.code));
}

function defaultMessage(code: ErrorCode): string {
  return code === "payload_too_large"
    ? "The request body is too large."
    : "The request could not be processed.";
}

export function notFound(c: Context<AppEnv>) {
  return onError(new AppError("not_found", `No such endpoint: ${c.req.method} ${c.req.path}`), c);
}
