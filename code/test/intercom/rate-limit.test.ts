import {
  ConnectionLimiter,
  IntercomDelayRequired,
  RESET_MARGIN_MS,
  computeWait,
  limiterFor,
  pagers,
  readRateLimit,
} from '../../src/intercom';
import { z } from 'zod';
import { errorList, json, makeClient, rateHeaders, startScriptedServer } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

describe('computeWait', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('uses Retry-After seconds first, even when a reset is announced', () => {
    expect(computeWait({ 'retry-after': '42', 'x-ratelimit-reset': String(now / 1000 + 5) }, 1, now)).toBe(42_000);
    expect(computeWait({ 'Retry-After': '0' }, 3, now)).toBe(0);
  });

  it('reads a Retry-After HTTP date relative to now', () => {
    const at = new Date(now + 7_000).toUTCString();
    expect(computeWait({ 'retry-after': at }, 1, now)).toBe(7_000);
    expect(computeWait({ 'retry-after': new Date(now - 7_000).toUTCString() }, 1, now)).toBe(0);
  });

  it('waits after a 429 until X-RateLimit-Reset plus one second when it lies ahead', () => {
    const reset = now / 1000 + 4;
    expect(computeWait({ 'X-RateLimit-Reset': String(reset), 'X-RateLimit-Remaining': '0' }, 1, now, {}, 429)).toBe(4_000 + RESET_MARGIN_MS);
    expect(computeWait({ 'x-ratelimit-reset': [String(reset)] }, 2, now, {}, 429)).toBe(4_000 + RESET_MARGIN_MS);
  });

  it('backs off briefly after a 5xx or a failed connection, whatever reset the rate-limit headers announce', () => {
    // Intercom sends X-RateLimit-* on every answer: the reset is when the budget refills, not when the server recovers.
    const headers = { 'X-RateLimit-Limit': '1667', 'X-RateLimit-Remaining': '1500', 'X-RateLimit-Reset': String(now / 1000 + 9) };
    const low = () => 0;
    const high = () => 0.999999;
    for (const status of [500, 502, 503]) {
      expect(computeWait(headers, 1, now, { baseMs: 1000, random: low }, status)).toBe(500);
      expect(computeWait(headers, 1, now, { baseMs: 1000, random: high }, status)).toBe(1000);
    }
    expect(computeWait(headers, 1, now, { baseMs: 1000, random: low }, undefined)).toBe(500);
    // Retry-After still rules (a 503 may carry one).
    expect(computeWait({ ...headers, 'Retry-After': '3' }, 1, now, {}, 503)).toBe(3_000);
  });

  it('falls back to capped exponential back-off with jitter when the reset is past or absent', () => {
    const past = { 'x-ratelimit-reset': String(now / 1000 - 30) };
    const low = () => 0;
    const high = () => 0.999999;
    expect(computeWait(past, 1, now, { baseMs: 1000, random: low })).toBe(500);
    expect(computeWait(undefined, 1, now, { baseMs: 1000, random: high })).toBe(1000);
    expect(computeWait(undefined, 3, now, { baseMs: 1000, random: low })).toBe(2000);
    expect(computeWait(undefined, 3, now, { baseMs: 1000, random: high })).toBe(4000);
    // Capped: attempt 20 would be 2^19 s without the cap.
    expect(computeWait(undefined, 20, now, { baseMs: 1000, capMs: 60_000, random: high })).toBe(60_000);
    expect(computeWait(undefined, 20, now, { baseMs: 1000, capMs: 60_000, random: low })).toBe(30_000);
    for (let i = 0; i < 50; i += 1) {
      const wait = computeWait({}, 2, now);
      expect(wait).toBeGreaterThanOrEqual(1000);
      expect(wait).toBeLessThanOrEqual(2000);
    }
  });

  it('ignores unparsable headers', () => {
    expect(computeWait({ 'retry-after': 'soon', 'x-ratelimit-reset': 'later' }, 1, now, { random: () => 0 })).toBe(500);
    expect(readRateLimit({ 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '', 'X-RateLimit-Reset': '1487332510' })).toEqual({
      limit: 167,
      remaining: undefined,
      resetAtMs: 1487332510_000,
    });
  });
});

describe('ConnectionLimiter', () => {
  it('holds requests once its own spending empties the announced budget, until the window resets', async () => {
    const limiter = new ConnectionLimiter({ maxConcurrent: 1 });
    try {
      const resetSeconds = Math.floor(Date.now() / 1000) + 1;
      limiter.observe(rateHeaders(10, 2, resetSeconds));
      const started: number[] = [];
      await Promise.all([0, 1, 2].map(() => limiter.schedule(async () => started.push(Date.now()))));
      expect(started).toHaveLength(3);
      expect(started[2]).toBeGreaterThanOrEqual(resetSeconds * 1000);
    } finally {
      limiter.dispose();
    }
  });

  it('renews the budget of a window that has ended (after an idle spell) instead of stalling', async () => {
    const limiter = new ConnectionLimiter({ maxConcurrent: 1, fallbackWindowMs: 60_000 });
    try {
      const endedSeconds = Math.floor(Date.now() / 1000) - 30;
      limiter.observe(rateHeaders(10, 1, endedSeconds));
      let ran = 0;
      await Promise.all([0, 1, 2].map(() => limiter.schedule(async () => (ran += 1))));
      expect(ran).toBe(3);
      expect(limiter.expectedWaitMs()).toBe(0);
      // Spent to 0 in a window whose reset already passed (clock skew): pause briefly, not a whole window.
      limiter.observe(rateHeaders(10, 0, endedSeconds + 1));
      expect(limiter.expectedWaitMs()).toBeLessThanOrEqual(RESET_MARGIN_MS);
    } finally {
      limiter.dispose();
    }
  });

  it('lets one request at a time through until an answer tells the budget; no headers means unpaced', async () => {
    const limiter = new ConnectionLimiter({ maxConcurrent: 4 });
    try {
      let running = 0;
      let most = 0;
      const task = async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running -= 1;
      };
      await Promise.all([task, task, task].map((t) => limiter.schedule(t)));
      expect(most).toBe(1);
      await limiter.schedule(async () => limiter.observe({})); // an answer without rate-limit headers
      // Unpaced, all three run at once: each waits until the third has started (an event, not a sleep
      // that a loaded machine can outlast); a limiter that serialises them leaves the gate to its 5 s fallback.
      most = 0;
      let openGate: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => { openGate = resolve; setTimeout(resolve, 5_000); });
      const gatedTask = async () => {
        running += 1;
        most = Math.max(most, running);
        if (running === 3) openGate();
        await gate;
        running -= 1;
      };
      await Promise.all([gatedTask, gatedTask, gatedTask].map((t) => limiter.schedule(t)));
      expect(most).toBe(3);
    } finally {
      limiter.dispose();
    }
  });

  it("lets a listing's page go ahead of the detail reads waiting (pages among themselves in order)", async () => {
    const limiter = new ConnectionLimiter({ maxConcurrent: 1 });
    try {
      await limiter.schedule(async () => limiter.observe({})); // unpaced: only the place in flight counts
      const started: string[] = [];
      let release: () => void = () => undefined;
      let heldStarted: () => void = () => undefined;
      const holding = new Promise<void>((resolve) => (heldStarted = resolve));
      const held = limiter.schedule(() => new Promise<void>((resolve) => { started.push('held'); release = resolve; heldStarted(); }));
      await holding;
      const run = (name: string, priority?: 'page' | 'read') => limiter.schedule(async () => { started.push(name); }, undefined, undefined, priority);
      // Queued while the one place is taken, in this order.
      const queued = [run('read 1'), run('read 2', 'read'), run('page 1', 'page'), run('read 3'), run('page 2', 'page')];
      expect(started).toEqual(['held']);
      release();
      await Promise.all([held, ...queued]);
      expect(started).toEqual(['held', 'page 1', 'page 2', 'read 1', 'read 2', 'read 3']);
    } finally {
      limiter.dispose();
    }
  });

  it('ignores answers from an older window', async () => {
    const limiter = new ConnectionLimiter();
    try {
      const reset = Math.floor(Date.now() / 1000) + 30;
      limiter.observe({});
      expect(limiter.expectedWaitMs()).toBe(0);
      limiter.observe(rateHeaders(10, 5, reset));
      limiter.observe(rateHeaders(10, 0, reset - 10)); // late answer from the previous window
      expect(limiter.expectedWaitMs()).toBe(0);
      limiter.observe(rateHeaders(10, 0, reset));
      expect(limiter.expectedWaitMs()).toBeGreaterThan(25_000);
    } finally {
      limiter.dispose();
    }
  });
});

describe('header-driven pacing through the client', () => {
  it("sends a pager's page before the detail reads queued before it (real HTTP, one place in flight)", async () => {
    let release: () => void = () => undefined;
    let heldArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (heldArrived = resolve));
    const server = await startScriptedServer([
      json(200, { type: 'admin', id: '1' }), // no rate-limit headers: the connection is unpaced
      (req, res) => {
        release = () => json(200, { id: 'held' })(req, res, '');
        heldArrived();
      },
      (req, res) => json(200, req.url?.startsWith('/admins') ? { type: 'admin.list', admins: [] } : { id: req.url })(req, res, ''),
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, maxConcurrent: 1 });
      await client.get('/me');
      const held = client.get('/conversations/held');
      await arrived; // the one place is taken until released
      const reads = [client.get('/conversations/1'), client.get('/conversations/2')];
      const listing = (async () => {
        for await (const page of client.paginate(pagers.list({ kind: 'admin', path: '/admins', itemsKey: 'admins', itemSchema: z.looseObject({ id: z.string() }) }))) void page;
      })();
      await new Promise((resolve) => setImmediate(resolve)); // every request has reached the limiter (no I/O before it)
      release();
      await Promise.all([held, ...reads, listing]);
      expect(server.log.map((r) => r.url)).toEqual(['/me', '/conversations/held', '/admins', '/conversations/1', '/conversations/2']);
    } finally {
      await server.close();
    }
  });

  it('waits for the reset once X-RateLimit-Remaining hits 0, for every client of the connection, and avoids the 429', async () => {
    const resetSeconds = Math.floor(Date.now() / 1000) + 2;
    const server = await startScriptedServer([
      json(200, { type: 'admin.list', admins: [] }, rateHeaders(3, 0, resetSeconds)),
      (req, res) => {
        // Intercom would answer 429 inside the spent window.
        const early = Date.now() < resetSeconds * 1000;
        json(early ? 429 : 200, early ? errorList('rate_limit_exceeded', 'Exceeded') : { type: 'team.list', teams: [] }, rateHeaders(3, 2, resetSeconds + 10))(req, res, '');
      },
    ]);
    try {
      const first = makeClient({ baseUrl: server.baseUrl });
      const second = makeClient({ baseUrl: server.baseUrl, token: first.token }); // same connection
      const other = makeClient({ baseUrl: server.baseUrl }); // another token: another connection
      await first.client.get('/admins');
      expect(limiterFor(server.baseUrl, first.token).expectedWaitMs()).toBeGreaterThan(0);
      expect(limiterFor(server.baseUrl, other.token).expectedWaitMs()).toBe(0);

      await expect(second.client.get('/teams')).resolves.toEqual({ type: 'team.list', teams: [] });
      expect(server.log).toHaveLength(2);
      expect(server.log[1].at).toBeGreaterThanOrEqual(resetSeconds * 1000);
      expect(second.client.stats()).toMatchObject({ requests: 1, rateLimited: 0, retries: 0 });
      expect(second.client.stats().waitedMs).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('keeps a concurrent burst under a windowed limit: 429s stay rare', async () => {
    // A server with Intercom's window semantics: `limit` requests per 2-second window, then 429.
    const limit = 5;
    const windowMs = 2000;
    const counts = new Map<number, number>();
    let rejected = 0;
    const server = await startScriptedServer([
      (req, res) => {
        const window = Math.floor(Date.now() / windowMs);
        const used = (counts.get(window) ?? 0) + 1;
        counts.set(window, used);
        const headers = rateHeaders(limit, Math.max(0, limit - used), ((window + 1) * windowMs) / 1000);
        if (used > limit) rejected += 1;
        json(used > limit ? 429 : 200, used > limit ? errorList('rate_limit_exceeded', 'Exceeded') : { ok: true }, headers)(req, res, '');
      },
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl, maxConcurrent: 4 });
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => client.get(`/contacts/${i}`)));
      expect(results).toHaveLength(12);
      expect(rejected).toBe(0);
      expect(client.stats().rateLimited).toBe(0);
      for (const used of counts.values()) expect(used).toBeLessThanOrEqual(limit);
    } finally {
      await server.close();
    }
  });

  it('asks canWait before a long pacing wait and throws IntercomDelayRequired without sending', async () => {
    const resetSeconds = Math.floor(Date.now() / 1000) + 60;
    const server = await startScriptedServer([json(200, { ok: true }, rateHeaders(3, 0, resetSeconds))]);
    try {
      const { client, token } = makeClient({ baseUrl: server.baseUrl, canWait: () => false });
      await client.get('/admins');
      const error = await makeClient({ baseUrl: server.baseUrl, token, canWait: () => false })
        .client.get('/teams')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntercomDelayRequired);
      expect((error as IntercomDelayRequired).delaySeconds).toBeGreaterThanOrEqual(55);
      expect(server.log).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
