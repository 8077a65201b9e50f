/**
 * An in-memory token bucket per key (here: client IP + form source). Each key holds up to
 * `burst` tokens and regains `perMinute` a minute; a request spends one. In-memory means per
 * server process: with N processes behind a balancer the effective limit is N times higher,
 * and a restart forgets the counts — acceptable for spam damping on a public form, which is
 * all this is for (signed webhooks are not rate-limited).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Spends a token of `key`; false when it has none left (the caller answers 429). */
  take(key: string, now = Date.now()): boolean {
    const refill = this.perMinute / 60_000;
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.burst, bucket.tokens + (now - bucket.at) * refill)
      : this.burst;
    if (!bucket && this.buckets.size >= this.maxKeys) this.prune(now);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return true;
  }

  /** Drops buckets that have refilled completely (they are equivalent to no bucket). */
  private prune(now: number): void {
    const refill = this.perMinute / 60_000;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * refill >= this.burst) this.buckets.delete(key);
    }
    // Under a flood of distinct keys, forget the oldest rather than grow without bound.
    while (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}
