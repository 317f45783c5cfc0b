/**
 * How many requests of one connection may be in flight: enough to use the allowed rate at the
 * observed latency (Little's law: in flight = rate × latency), never more than a bound, and lowered
 * after 429s and 5xx answers, then climbing back one per success (additive increase, multiplicative
 * decrease, like TCP's congestion window).
 */

export interface ConcurrencyOptions {
  /** Upper bound. Default 64. */
  max?: number;
  /** Lower bound while nothing fails, and the start before the rate and latency are known. Default 4. */
  min?: number;
  /** Margin over rate × latency, so jitter does not starve the window. Default 1.25. */
  headroom?: number;
}

/** Weight of the newest latency sample in the moving average. */
const LATENCY_WEIGHT = 0.2;
/** One decrease at most per this many ms: failures of the same burst count once. */
const DECREASE_SPACING_MS = 1000;

export class AdaptiveConcurrency {
  private readonly max: number;
  private readonly min: number;
  private readonly headroom: number;
  private latencyMs?: number;
  private ratePerMs?: number;
  /** Lowered by failures; climbs back by one per success. */
  private ceiling: number;
  private lastDecreaseAt = -Infinity;

  constructor(options: ConcurrencyOptions = {}) {
    this.max = Math.max(1, options.max ?? 64);
    this.min = Math.min(this.max, Math.max(1, options.min ?? 4));
    this.headroom = options.headroom ?? 1.25;
    this.ceiling = this.max;
  }

  /** The connection's budget: `limit` requests per window of `windowMs`. */
  setRate(limit: number, windowMs: number): void {
    if (limit > 0 && windowMs > 0) this.ratePerMs = limit / windowMs;
  }

  /** One finished request: its latency; a success lets the ceiling climb back by one. */
  recordLatency(latencyMs: number): void {
    this.latencyMs = this.latencyMs === undefined ? latencyMs : this.latencyMs + LATENCY_WEIGHT * (latencyMs - this.latencyMs);
    if (this.ceiling < this.max) this.ceiling += 1;
  }

  /** A 429 or 5xx answer: halves what is allowed in flight (once per burst). */
  recordFailure(now: number = Date.now()): void {
    if (now - this.lastDecreaseAt < DECREASE_SPACING_MS) return;
    this.lastDecreaseAt = now;
    this.ceiling = Math.max(1, Math.floor(this.current() / 2));
  }

  /** Requests allowed in flight now. */
  current(): number {
    const wanted = this.ratePerMs === undefined || this.latencyMs === undefined ? this.min : Math.ceil(this.ratePerMs * this.latencyMs * this.headroom);
    return Math.min(this.ceiling, Math.max(this.min, Math.min(this.max, wanted)));
  }

  /** The latency moving average, ms (undefined before the first answer). */
  latency(): number | undefined {
    return this.latencyMs;
  }
}
