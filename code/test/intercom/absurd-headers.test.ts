/**
 * Issue 10 §9: rate-limit headers from a misbehaving server are bounded and sanity-checked, never
 * trusted blindly (a 31-year wait, pacing switched off for good, a limiter deadlocked by a zero limit).
 */
import { ConnectionLimiter, IntercomDelayRequired, MAX_HEADER_WAIT_MS, computeWait, readRateLimit } from '../../src/intercom';
import { json, makeClient, rateHeaders, startScriptedServer } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('computeWait bounds every header', () => {
  it('caps an absurd Retry-After (1e9 s, 1e308 s) at the maximum wait, never Infinity', () => {
    expect(MAX_HEADER_WAIT_MS).toBe(10 * 60 * 1000);
    expect(computeWait({ 'retry-after': '1e9' }, 1, now)).toBe(10 * 60 * 1000);
    expect(computeWait({ 'retry-after': '1e308' }, 1, now)).toBe(10 * 60 * 1000);
    expect(computeWait({ 'retry-after': new Date(now + 50 * 365 * 86_400_000).toUTCString() }, 1, now)).toBe(10 * 60 * 1000);
  });

  it('ignores a negative Retry-After and a reset far in the future, falling back to back-off', () => {
    expect(computeWait({ 'retry-after': '-5' }, 1, now, { baseMs: 1000, random: () => 0 })).toBe(500);
    const farReset = String(now / 1000 + 1e9);
    expect(computeWait({ 'x-ratelimit-reset': farReset }, 1, now, { baseMs: 1000, random: () => 0 })).toBe(500);
  });

  it('reads a zero or negative limit, a negative remaining and a far reset as unknown', () => {
    expect(readRateLimit({ 'X-RateLimit-Limit': '0', 'X-RateLimit-Remaining': '-3', 'X-RateLimit-Reset': String(now / 1000 + 1e9) }, now)).toEqual({
      limit: undefined,
      remaining: undefined,
      resetAtMs: undefined,
    });
    expect(readRateLimit({ 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '500', 'X-RateLimit-Reset': String(now / 1000 + 10) }, now)).toEqual({
      limit: 167,
      remaining: 167,
      resetAtMs: now + 10_000,
    });
  });
});

describe('ConnectionLimiter against absurd headers', () => {
  it('a far-future X-RateLimit-Reset does not switch pacing off for later answers', () => {
    const limiter = new ConnectionLimiter();
    try {
      const nowS = Math.floor(Date.now() / 1000);
      limiter.observe(rateHeaders(10, 5, nowS + 1e9));
      limiter.observe(rateHeaders(10, 0, nowS + 3)); // a sane answer: the budget is spent until the reset
      const wait = limiter.expectedWaitMs();
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(5_000);
    } finally {
      limiter.dispose();
    }
  });

  it('X-RateLimit-Limit: 0 does not deadlock the limiter: requests run again after the reset', async () => {
    const limiter = new ConnectionLimiter({ maxConcurrent: 1 });
    try {
      const nowS = Math.floor(Date.now() / 1000);
      await limiter.schedule(async () => limiter.observe(rateHeaders(0, 0, nowS + 1)));
      // Resolves after the refill (a deadlock would hang until jest's timeout).
      await expect(limiter.schedule(async () => 'ran')).resolves.toBe('ran');
    } finally {
      limiter.dispose();
    }
  }, 15_000);
});

describe('through the client', () => {
  it('Retry-After: 1e308 becomes a bounded DELAY, not delay: null', async () => {
    const server = await startScriptedServer([json(429, { type: 'error.list', errors: [] }, { 'Retry-After': '1e308' })]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, canWait: () => false });
      const error = await client.get('/admins').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntercomDelayRequired);
      expect((error as IntercomDelayRequired).delaySeconds).toBe(600);
      expect(JSON.parse(JSON.stringify({ delay: (error as IntercomDelayRequired).delaySeconds }))).toEqual({ delay: 600 });
    } finally {
      await server.close();
    }
  });
});
