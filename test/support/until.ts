/**
 * Polls `check` every 50 ms until it returns a value other than `undefined` or `false`, and
 * returns that value; throws after `timeoutMs`. For waiting on a background worker in tests.
 */
export async function until<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
