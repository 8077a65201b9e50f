import type { ErrorCode, FieldIssue } from "@voronka/contract";

/**
 * The one error type that I/O code throws. `code` comes from the closed union in
 * `@voronka/contract`; `retryable` tells the worker whether a job should be retried
 * (a dropped connection) or recorded as failed (a bad payload).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: FieldIssue[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryable?: boolean; details?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }
}

export function assertNever(value: never, what = "value"): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
