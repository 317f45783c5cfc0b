/**
 * Intercom's rate-limit headers read safely (`readRateLimit`), and {@link computeWait}: how long to
 * wait before retrying a failed attempt (pure).
 */

/** Response headers as axios (or Node) gives them; names compared case-insensitively. */
export type HeaderBag = Record<string, unknown> | undefined;

/** Reads one header value as a string, whatever the case of its name. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined || first === null ? undefined : String(first);
  }
  return undefined;
}

function headerNumber(headers: HeaderBag, name: string): number | undefined {
  const raw = headerValue(headers, name);
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** Intercom's rate-limit headers of one response. */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Window reset, epoch milliseconds. */
  resetAtMs?: number;
}

/**
 * The longest wait any header can ask for. Intercom's window is 10 s; a server asking for more than
 * this is misbehaving, and a longer DELAY would only stall the import (`Retry-After: 1e9` was 31 years).
 */
export const MAX_HEADER_WAIT_MS = 10 * 60 * 1000;

/**
 * Intercom's rate-limit headers of one response, sanity-checked: a limit below 1, a negative
 * remaining, or a reset more than {@link MAX_HEADER_WAIT_MS} ahead read as unknown (each of these,
 * trusted, deadlocked or switched off the pacing); remaining is capped at the limit.
 */
export function readRateLimit(headers: HeaderBag, now: number = Date.now()): RateLimitInfo {
  const rawLimit = headerNumber(headers, 'x-ratelimit-limit');
  const limit = rawLimit !== undefined && rawLimit >= 1 ? Math.floor(rawLimit) : undefined;
  const rawRemaining = headerNumber(headers, 'x-ratelimit-remaining');
  const remaining = rawRemaining === undefined || rawRemaining < 0 ? undefined : Math.min(rawRemaining, limit ?? rawRemaining);
  const reset = headerNumber(headers, 'x-ratelimit-reset');
  const resetAtMs = reset === undefined || reset * 1000 > now + MAX_HEADER_WAIT_MS ? undefined : reset * 1000;
  return { limit, remaining, resetAtMs };
}

/** Tuning of the back-off used when the headers say nothing. */
export interface BackoffOptions {
  /** First back-off step (ms); doubles per attempt. Default 1000. */
  baseMs?: number;
  /** Upper bound of one back-off (ms). Default 60 000. */
  capMs?: number;
  /** Random source in [0, 1); injectable for tests. */
  random?: () => number;
}

/** Margin added to `X-RateLimit-Reset`: the header has whole seconds and clocks differ. */
export const RESET_MARGIN_MS = 1000;

/**
 * Milliseconds to wait before retry number `attempt` (1 = first retry), given the failed
 * answer's headers and status and the current time (epoch ms):
 * `Retry-After` (seconds or HTTP date), else, for a 429, `X-RateLimit-Reset` + 1 s when it lies
 * ahead, else capped exponential back-off with "equal" jitter (half fixed, half random). Header
 * waits are capped at {@link MAX_HEADER_WAIT_MS}; unusable values fall through to the next rule.
 *
 * Intercom sends its rate-limit headers on every answer, 5xx included: the reset says when the
 * budget refills, not when a failed server answers again. A 5xx that waited for it held its read
 * up to 11 s (the limiter paces the retry against the budget anyway).
 */
export function computeWait(headers: HeaderBag, attempt: number, now: number, options: BackoffOptions = {}, status?: number): number {
  const retryAfter = headerValue(headers, 'retry-after');
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    const ms = Number.isNaN(seconds) ? Date.parse(retryAfter) - now : seconds * 1000;
    // A negative number is nonsense (ignored); a date in the past means "now"; anything huge is capped.
    if (!Number.isNaN(ms) && (Number.isNaN(seconds) || seconds >= 0)) return Math.min(MAX_HEADER_WAIT_MS, Math.max(0, ms));
  }
  const { resetAtMs } = status === 429 ? readRateLimit(headers, now) : { resetAtMs: undefined };
  if (resetAtMs !== undefined && resetAtMs + RESET_MARGIN_MS > now) {
    return resetAtMs + RESET_MARGIN_MS - now;
  }
  const baseMs = options.baseMs ?? 1000;
  const capMs = options.capMs ?? 60_000;
  const random = options.random ?? Math.random;
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
