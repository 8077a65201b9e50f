import { OpenAPIHono } from "@hono/zod-openapi";
import { ErrorEnvelope } from "@voronka/contract";
import { AppError } from "@voronka/core";
import type { z } from "zod";
import type { AppEnv } from "./env.ts";

/** A JSON request or response body for `createRoute`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

const envelope = (description: string) => json(ErrorEnvelope, description);

/** The error responses every authenticated route can return. */
export const authErrors = {
  401: envelope("Not signed in, or the API key is missing or invalid."),
  403: envelope("The credentials are valid but not allowed here (e.g. a write key on /api)."),
} as const;

export const badRequest = {
  400: envelope("The request is malformed; `details` lists each problem."),
} as const;
export const conflictResponse = {
  409: envelope("The change conflicts with the current state; the message says why."),
} as const;
export const notFoundResponse = { 404: envelope("No such resource in this workspace.") } as const;

/** Security requirement for routes open to a secret key or a session. */
export const secured: Array<Record<string, string[]>> = [{ secretKey: [] }, { session: [] }];

/**
 * A router whose zod validation failures become `validation_failed` errors in the envelope,
 * with one entry per field.
 */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const details = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || "(body)",
        message: issue.message,
      }));
      throw new AppError("validation_failed", "Some fields are missing or invalid.", { details });
    },
  });
}
