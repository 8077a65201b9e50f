import { z } from "zod";

/**
 * The closed set of error codes the API returns. Every failure anywhere in the server ends up
 * in the envelope `{ error: { code, message, requestId } }` with one of these codes.
 */
export const ErrorCode = z.enum([
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "invalid_api_key",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "rate_limited",
  "internal",
  "unavailable",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem with a field of a request, as listed in `details` of a `validation_failed`. */
export const FieldIssue = z.object({
  path: z.string().meta({ example: "email" }),
  message: z.string().meta({ example: "Invalid email address" }),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The error envelope: the body of every non-2xx response. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      requestId: z.string(),
      details: z.array(FieldIssue).optional(),
    }),
  })
  .meta({ id: "ErrorEnvelope" });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
