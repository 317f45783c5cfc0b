/** Requests in flight follow the allowed rate × the observed latency, bounded, lowered after failures. */
import { AdaptiveConcurrency } from '../../src/intercom/concurrency';

/** A limiter told Intercom's default rate (1,667 per 10 s) and one request's latency. */
function atDefaultRate(latencyMs: number, options?: { max: number }): AdaptiveConcurrency {
  const c = new AdaptiveConcurrency(options);
  c.setRate(1667, 10_000);
  c.recordLatency(latencyMs);
  return c;
}

describe('AdaptiveConcurrency', () => {
  it('starts at the lower bound until the rate and the latency are known', () => {
    const c = new AdaptiveConcurrency();
    expect(c.current()).toBe(4);
    c.setRate(1667, 10_000);
    expect(c.current()).toBe(4);
  });

  it("keeps Intercom's default rate busy at 250 ms: 1,667 per 10 s × 0.25 s × 1.25 headroom = 53 in flight", () => {
    expect(atDefaultRate(250).current()).toBe(53);
  });

  it('never goes over its bound nor under 4 while nothing fails', () => {
    expect(atDefaultRate(5_000, { max: 20 }).current()).toBe(20);
    const fast = new AdaptiveConcurrency();
    fast.setRate(60, 10_000);
    fast.recordLatency(2);
    expect(fast.current()).toBe(4);
  });

  it('halves after a 429 or 5xx (once per burst), then climbs back one per success', () => {
    const c = atDefaultRate(250);
    c.recordFailure(10_000);
    expect(c.current()).toBe(26);
    c.recordFailure(10_100); // same burst
    expect(c.current()).toBe(26);
    c.recordFailure(11_200);
    expect(c.current()).toBe(13);
    for (let i = 0; i < 10; i++) c.recordLatency(250);
    expect(c.current()).toBe(23);
    for (let i = 0; i < 100; i++) c.recordLatency(250);
    expect(c.current()).toBe(53);
  });

  it('follows the latency as it changes (moving average)', () => {
    const c = new AdaptiveConcurrency();
    c.setRate(1000, 10_000);
    c.recordLatency(100);
    expect(c.current()).toBe(13);
    for (let i = 0; i < 50; i++) c.recordLatency(400);
    expect(c.current()).toBe(50);
  });
});
