/** Attempts before a temporary failure becomes final. */
export const MAX_ATTEMPTS = 6;

/**
 * Back-off after the n-th temporary failure: 1, 2, 4, 8, 16 minutes (capped at an hour), or
 * longer when the other side asked for it (`Retry-After`).
 */
export function retryDelayMs(attempt: number, askedMs?: number): number {
  const backoff = Math.min(2 ** (attempt - 1), 60) * 60_000;
  return Math.max(backoff, Math.min(askedMs ?? 0, 6 * 3_600_000));
}
