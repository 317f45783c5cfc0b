/**
 * Rate limiting, driven by Intercom's headers (shared/docs/intercom-api.md §2; read in
 * `rate-limit-headers.ts`, with `computeWait`, the pure wait before a retry):
 * - {@link ConnectionLimiter}: pacing of one connection. Its budget follows
 *   `X-RateLimit-Remaining` and refills at `X-RateLimit-Reset`, so 429s stay rare without
 *   sleeping before requests by fixed thresholds;
 * - {@link limiterFor}: one limiter per connection (base URL + token) in the process.
 */
import { createHash } from 'node:crypto';
import { AdaptiveConcurrency } from './concurrency';
import type { PauseClock } from './pause-clock';
import { RESET_MARGIN_MS, readRateLimit, type HeaderBag } from './rate-limit-headers';

/** A queued request whose turn came in a spent window, and whose caller cannot wait for the refill. */
export class PacingWaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super('rate-limit window used up');
    this.name = 'PacingWaitTooLong';
  }
}

/** Tuning of a {@link ConnectionLimiter}. */
export interface LimiterOptions {
  /**
   * Most requests in flight at once on this connection. Default 64. Within it, the limiter keeps
   * about allowed rate × observed latency in flight (at least 4), halved after a 429 or 5xx.
   */
  maxConcurrent?: number;
  /** Refill wait when the reset time is unknown or already past. Default 10 s (one Intercom window). */
  fallbackWindowMs?: number;
}

/** A request waiting for its turn: a place among those in flight and a share of the budget. */
interface Waiter {
  start: () => void;
  refuse: (error: Error) => void;
  canWait?: (ms: number) => boolean;
  pauses?: PauseClock;
  /** Ends this waiter's pause on the clock (set once it waits for a refill). */
  endPause?: () => void;
  /** canWait was asked about the refill under way. */
  asked: boolean;
  /** A listing's page: it waits only for a free place, never behind queued detail reads. */
  page: boolean;
}

/** How a request queues: `page` (a listing's next page) goes ahead of every `read` waiting. */
export type RequestPriority = 'page' | 'read';

/**
 * Paces the requests of one Intercom connection. Every attempt runs through {@link schedule};
 * every answer's headers go to {@link observe}. The window's budget follows
 * `X-RateLimit-Remaining` (minus requests already sent that the answer has not counted); when it
 * is used up, requests wait until `X-RateLimit-Reset`.
 *
 * Requests start in order (FIFO) while fewer than {@link AdaptiveConcurrency} allows are in flight
 * and the budget lasts; a listing's page goes ahead of the detail reads waiting (a chain of pages,
 * one request in flight, would otherwise wait behind the ~128 reads the data loop keeps queued at
 * each page). The gate is synchronous: a request with room starts in the same turn of the
 * event loop, and an answer lets the next one start at once. (Bottleneck, used before, admitted one
 * queued job per timer turn, serialised by its locks: with the thread busy normalizing, 64 allowed
 * in flight became 0–10 and the rest sat in its queue.)
 *
 * Until the first answer tells the budget, one request at a time is let through (a probe), so
 * an opening burst cannot overshoot a small limit. A server that sends no rate-limit headers
 * (Intercom omits them on unauthenticated answers) leaves the connection unpaced.
 */
export class ConnectionLimiter {
  private readonly fallbackWindowMs: number;
  private mode: 'probing' | 'paced' | 'unpaced' = 'probing';
  /** Requests that may still be sent in this window; null = no limit known. */
  private budget: number | null = 1;
  /** Requests sent (budget taken) whose task has not finished. */
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  private limit?: number;
  private windowResetAtMs?: number;
  private refillAtMs?: number;
  private renewedWindowAtMs?: number;
  private refillTimer?: NodeJS.Timeout;
  private readonly concurrency: AdaptiveConcurrency;

  constructor(options: LimiterOptions = {}) {
    this.fallbackWindowMs = options.fallbackWindowMs ?? 10_000;
    const max = options.maxConcurrent ?? 64;
    this.concurrency = new AdaptiveConcurrency({ max, min: Math.min(4, max) });
  }

  /** Requests allowed in flight now, and the latency they were sized for (ms). */
  inFlightAllowed(): { requests: number; latencyMs?: number } {
    return { requests: this.concurrency.current(), latencyMs: this.concurrency.latency() };
  }

  /**
   * Runs `task` when the connection's budget allows; resolves or rejects with it. When its turn comes
   * and the budget is used up, `canWait` is asked about the wait for the refill: `false` rejects with
   * {@link PacingWaitTooLong} without sending (many requests may be queued behind a small budget).
   * A wait for a refill is recorded on `pauses` (a wait for a free place among those in flight is not).
   * A `page` request is queued after the pages waiting and before every `read`.
   */
  async schedule<T>(task: () => Promise<T>, canWait?: (ms: number) => boolean, pauses?: PauseClock, priority: RequestPriority = 'read'): Promise<T> {
    this.renewIfWindowEnded(Date.now());
    await new Promise<void>((start, refuse) => {
      const waiter: Waiter = { start, refuse, canWait, pauses, asked: false, page: priority === 'page' };
      const firstRead = waiter.page ? this.waiting.findIndex((w) => !w.page) : -1;
      if (firstRead >= 0) this.waiting.splice(firstRead, 0, waiter);
      else this.waiting.push(waiter);
      this.admit();
    });
    const startedAt = Date.now();
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      this.concurrency.recordLatency(Date.now() - startedAt);
      // A probe that got no answer (network failure) hands its place to the next one.
      if (this.mode === 'probing') this.budget = 1;
      this.admit();
    }
  }
  /** Feeds one answer's status and headers into the pacing. Call it inside the answer's task. */
  observe(headers: HeaderBag, now: number = Date.now(), status?: number): void {
    if (status !== undefined && (status === 429 || status >= 500)) this.concurrency.recordFailure(now);
    const info = readRateLimit(headers, now);
    if (info.remaining === undefined) {
      if (this.mode === 'probing') {
        this.mode = 'unpaced';
        this.setBudget(null);
      }
      return;
    }
    this.mode = 'paced';
    // An answer from an older window (it was in flight across a reset) says nothing about this one.
    if (info.resetAtMs !== undefined && this.windowResetAtMs !== undefined && info.resetAtMs < this.windowResetAtMs) return;
    if (info.limit !== undefined) {
      this.limit = info.limit;
      this.concurrency.setRate(info.limit, this.fallbackWindowMs);
    }
    if (info.resetAtMs !== undefined) this.windowResetAtMs = info.resetAtMs;
    // The other requests in flight will spend budget this answer has not counted yet.
    const others = Math.max(0, this.inFlight - 1);
    const budget = Math.max(0, Math.floor(info.remaining) - others);
    if (budget > 0) this.cancelRefill();
    else this.scheduleRefill(now);
    this.setBudget(budget);
  }

  /** Milliseconds until waiting requests may run again (0 when the budget is not used up). */
  expectedWaitMs(now: number = Date.now()): number {
    return this.refillAtMs === undefined ? 0 : Math.max(0, this.refillAtMs - now);
  }

  /** Stops the refill timer (tests, shutdown). */
  dispose(): void {
    this.cancelRefill();
  }

  /**
   * Starts waiting requests, in order, while there is room in flight and budget. When the budget is
   * used up (paced), each waiting request is asked once whether it can wait for the refill: those that
   * cannot are refused, the others wait, their wait recorded as a pause.
   */
  private admit(): void {
    while (this.waiting.length > 0 && this.inFlight < this.concurrency.current()) {
      if (this.budget === null || this.budget > 0) {
        const next = this.waiting.shift()!;
        if (this.budget !== null) this.budget -= 1;
        this.inFlight += 1;
        next.endPause?.();
        next.start();
        continue;
      }
      // While probing, the wait is for the probe's answer, not for the rate limit.
      if (this.mode === 'paced') this.awaitRefill();
      return;
    }
  }

  /** The budget is used up: asks each waiting request (once per refill) whether it can wait for it. */
  private awaitRefill(): void {
    this.scheduleRefill(Date.now());
    const waitMs = this.expectedWaitMs();
    for (const waiter of [...this.waiting]) {
      if (waiter.asked) continue;
      waiter.asked = true;
      if (waiter.canWait && waitMs > 0 && !waiter.canWait(waitMs)) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        waiter.refuse(new PacingWaitTooLong(waitMs));
      } else {
        waiter.endPause ??= waiter.pauses?.begin();
      }
    }
  }

  /** Sets the budget and lets waiting requests through, in order, while it lasts. */
  private setBudget(budget: number | null): void {
    this.budget = budget;
    for (const waiter of this.waiting) waiter.asked = false;
    this.admit();
  }

  /** After an idle spell the budget may still count a window that has ended: it is back in full. */
  private renewIfWindowEnded(now: number): void {
    const reset = this.windowResetAtMs;
    if (reset === undefined || now < reset + RESET_MARGIN_MS || this.renewedWindowAtMs === reset) return;
    this.renewedWindowAtMs = reset;
    this.cancelRefill();
    this.setBudget(this.limit ?? null);
  }

  private scheduleRefill(now: number): void {
    const reset = this.windowResetAtMs;
    // Unknown reset: wait one window. Reset already past (clock skew, or idle): a short pause only.
    const refillAt = reset === undefined ? now + this.fallbackWindowMs : Math.max(reset, now) + RESET_MARGIN_MS;
    if (this.refillTimer && this.refillAtMs !== undefined && this.refillAtMs <= refillAt) return;
    this.cancelRefill();
    this.refillAtMs = refillAt;
    this.refillTimer = setTimeout(() => this.refill(), refillAt - now);
  }

  private refill(): void {
    this.refillTimer = undefined;
    this.refillAtMs = undefined;
    this.setBudget(this.limit ?? null);
  }

  private cancelRefill(): void {
    if (this.refillTimer) clearTimeout(this.refillTimer);
    this.refillTimer = undefined;
    this.refillAtMs = undefined;
  }
}

const limiters = new Map<string, ConnectionLimiter>();

/** The process-wide limiter of the connection (base URL + token); created on first use. */
export function limiterFor(baseUrl: string, token: string, options?: LimiterOptions): ConnectionLimiter {
  const tokenHash = createHash('sha256').update(token).digest('hex').slice(0, 32);
  const key = `${baseUrl.replace(/\/+$/, '')}\n${tokenHash}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new ConnectionLimiter(options);
    limiters.set(key, limiter);
  }
  return limiter;
}

/** Forgets every connection's limiter and stops their timers (tests). */
export function resetConnectionLimiters(): void {
  for (const limiter of limiters.values()) limiter.dispose();
  limiters.clear();
}
