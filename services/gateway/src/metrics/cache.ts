/**
 * A reading that is costly to take (a request to JetStream, counts from Temporal) kept for `ttlMs`,
 * so a scrape every few seconds, or several scrapers at once, costs one reading per period. A
 * reading that fails keeps the last good one: a scrape never fails because an engine is slow.
 */
export function cachedReading<T>(ttlMs: number, read: () => Promise<T>, now = () => Date.now()) {
  let last: { value: T; at: number } | null = null;
  let inFlight: Promise<T | null> | null = null;
  return (): Promise<T | null> => {
    if (last && now() - last.at < ttlMs) return Promise.resolve(last.value);
    inFlight ??= read()
      .then((value) => {
        last = { value, at: now() };
        return value;
      })
      .catch(() => last?.value ?? null)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
