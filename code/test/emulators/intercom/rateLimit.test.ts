/** Rate limits as Intercom applies them: per app and per workspace, in 10-second windows. */
import axios from 'axios';
import { RateLimiter } from '../../../src/emulators/intercom/http/rateLimiter';
import { startHarness, type Harness } from './helpers';

describe('RateLimiter (clock injected)', () => {
  test('counts per app and per workspace within aligned 10 s windows, refusals not counted', () => {
    let now = 1_000_000_003_000; // 3 s into a window
    const limiter = new RateLimiter({ appPer10s: 3, workspacePer10s: 4 }, () => now);
    const a = [1, 2, 3, 4].map(() => limiter.take('a'));
    expect(a.map((d) => [d.allowed, d.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(a[3].exceeded).toBe('app');
    expect(a[0].resetAt).toBe(1_000_000_010);
    expect(limiter.take('b')).toMatchObject({ allowed: true, remaining: 0 }); // workspace now 4/4
    expect(limiter.take('b')).toMatchObject({ allowed: false, exceeded: 'workspace' });
    now += 7_000; // next window
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 2, resetAt: 1_000_000_020 });
  });
  test('defaults are Intercom\'s per-minute limits divided into six windows', () => {
    const d = new RateLimiter().current();
    expect(d).toEqual({ appPer10s: 1667, workspacePer10s: 4167 });
  });
});

describe('over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimit: { appPer10s: 5, workspacePer10s: 100 } });
  });
  afterAll(async () => h.emulator.close());

  /** Waits for a fresh window when the current one has little time left, so a burst stays in one window. */
  async function freshWindow(): Promise<void> {
    const res = await h.http.get('/me');
    const msLeft = Number(res.headers['x-ratelimit-reset']) * 1000 - Date.now();
    await new Promise((r) => setTimeout(r, msLeft + 50));
  }

  test('headers count down, 429 when exceeded, budget back after the reset', async () => {
    await freshWindow();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await h.http.get('/admins'));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0', '0']);
    expect(new Set(answers.map((r) => r.headers['x-ratelimit-limit']))).toEqual(new Set(['5']));
    expect(answers[5].data).toMatchObject({ type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 5 in 10_seconds' }] });
    expect(answers[5].data.request_id).toEqual(expect.any(String));
    const reset = Number(answers[5].headers['x-ratelimit-reset']);
    expect(reset % 10).toBe(0);
    await new Promise((r) => setTimeout(r, reset * 1000 - Date.now() + 50));
    const after = await h.http.get('/admins');
    expect(after.status).toBe(200);
    expect(after.headers['x-ratelimit-remaining']).toBe('4');
    expect(h.emulator.metrics().rateLimited).toBeGreaterThanOrEqual(1);
  });

  test('the workspace budget is shared by all apps; limits change at run time', async () => {
    // A second app, installed through OAuth.
    const authorize = await h.anonymous.get('/oauth', { params: { client_id: 'emulator-client', redirect_uri: 'http://127.0.0.1:1/cb' }, maxRedirects: 0 });
    const code = new URL(authorize.headers.location).searchParams.get('code');
    const exchange = await h.anonymous.post('/auth/eagle/token', { code, client_id: 'emulator-client', client_secret: 'emulator-secret' });
    const other = axios.create({ baseURL: h.emulator.baseUrl, validateStatus: () => true, headers: { Authorization: `Bearer ${exchange.data.access_token}` } });

    h.emulator.setRateLimit({ appPer10s: 50, workspacePer10s: 4 });
    await freshWindow();
    const statuses = [];
    statuses.push((await h.http.get('/me')).status);
    for (let i = 0; i < 4; i++) statuses.push((await other.get('/me')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await h.http.get('/me');
    expect(refused.status).toBe(429);
    expect(refused.data.errors[0].message).toBe('Exceeded rate limit of 4 in 10_seconds');
    expect(refused.headers['x-ratelimit-limit']).toBe('50');
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    h.emulator.setRateLimit({ workspacePer10s: 1000 });
    expect((await h.http.get('/me')).status).toBe(200);
  });

  test('workspaceBudgetSpentResponses: the next N requests to the routes get a 429 their own headers never warned of', async () => {
    h.emulator.setRateLimit({ appPer10s: 50, workspacePer10s: 1000 });
    h.emulator.setFaults({ routes: ['GET /admins'], workspaceBudgetSpentResponses: 2 });
    try {
      const me = await h.http.get('/me');
      expect([me.status, me.headers['x-ratelimit-remaining'] !== '0']).toEqual([200, true]);
      const answers = [await h.http.get('/admins'), await h.http.get('/admins'), await h.http.get('/admins')];
      expect(answers.map((r) => r.status)).toEqual([429, 429, 200]);
      expect(answers[0].data.errors[0]).toEqual({ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 1000 in 10_seconds' });
      expect(answers[0].headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(answers[0].headers['x-ratelimit-reset']) % 10).toBe(0);
      expect(Number(answers[2].headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
    } finally {
      h.emulator.setFaults({});
    }
  });
});
