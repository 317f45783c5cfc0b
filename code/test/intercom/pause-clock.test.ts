import { PauseClock } from '../../src/intercom/pause-clock';
import { json, makeClient, startScriptedServer } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

describe('PauseClock', () => {
  it('measures the union of overlapping waits, not their sum', () => {
    let now = 1_000;
    const clock = new PauseClock(() => now);
    const a = clock.begin(); // 1000
    now = 1_200;
    const b = clock.begin(); // 1200, inside a
    now = 1_500;
    a(); // a: 1000–1500
    now = 1_900;
    b(); // b: 1200–1900 → union 1000–1900 = 900
    expect(clock.totalMs()).toBe(900);
    now = 3_000;
    const c = clock.begin(); // a separate wait after a gap: 3000–3250
    now = 3_250;
    expect(clock.totalMs()).toBe(1_150); // an open wait counts up to now
    c();
    c(); // ending twice changes nothing
    now = 9_000;
    expect(clock.totalMs()).toBe(1_150);
  });
});

describe('waitedMs of a client', () => {
  it('counts four requests backing off together after 429s once (about 1 s), not four times', async () => {
    const server = await startScriptedServer([
      // The first answer sets the pace (Intercom's headers, plenty left); four 429s asking for 1 s each; then successes.
      json(200, { ok: 0 }, { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '900', 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 60) }),
      json(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'slow down' }] }, { 'Retry-After': '1' }),
      json(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'slow down' }] }, { 'Retry-After': '1' }),
      json(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'slow down' }] }, { 'Retry-After': '1' }),
      json(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'slow down' }] }, { 'Retry-After': '1' }),
      json(200, { ok: 1 }),
    ]);
    try {
      const { client } = makeClient({ baseUrl: server.baseUrl });
      await client.get('/me');
      await Promise.all([client.get('/a'), client.get('/b'), client.get('/c'), client.get('/d')]);
      const stats = client.stats();
      expect(stats).toMatchObject({ requests: 9, retries: 4, rateLimited: 4 });
      // Each back-off lasted 1 s and they overlapped: the run was paused about 1 s; their sum is at least 4 s.
      expect(stats.waitedMs).toBeGreaterThanOrEqual(950);
      expect(stats.waitedMs).toBeLessThan(3_500);
    } finally {
      await server.close();
    }
  });
});
