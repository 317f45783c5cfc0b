/** Latency as a real Intercom shows it: per API request with jitter; downloads with their own, smaller mean. */
import { Latency } from '../../../src/emulators/intercom/http/latency';
import { startHarness, type Harness } from './helpers';

describe('Latency (pure)', () => {
  test('no latency unless asked', () => {
    const latency = new Latency();
    expect([latency.delayFor('api'), latency.delayFor('download')]).toEqual([0, 0]);
  });

  test('API delays jitter between half and one and a half times the mean, averaging the mean', () => {
    const latency = new Latency({ latencyMs: 200, seed: 3 });
    const delays = Array.from({ length: 2000 }, () => latency.delayFor('api'));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(300);
    expect(new Set(delays).size).toBeGreaterThan(50);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(190);
    expect(mean).toBeLessThan(210);
  });

  test('downloads default to a fifth of the API mean, or their own', () => {
    expect(new Latency({ latencyMs: 250 }).meanMs).toEqual({ api: 250, download: 50 });
    expect(new Latency({ latencyMs: 250, downloadLatencyMs: 10 }).meanMs).toEqual({ api: 250, download: 10 });
  });
});

describe('over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ latencyMs: 400, downloadLatencyMs: 1200, seed: 41 });
  });
  afterAll(async () => h.emulator.close());

  // Lower bounds only (half the mean at least): a delay, never a measured speed.
  test('an API request waits its latency, a file download its own', async () => {
    let started = Date.now();
    const conversation = h.emulator.workspace.truth.attachments({ allConversations: true }).find((a) => a.owner.conversationId)!.owner.conversationId!;
    const res = await h.http.get(`/conversations/${conversation}`);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    const signed = (JSON.stringify(res.data).match(/http:\/\/127\.0\.0\.1:\d+\/downloads\/[^"\\\s<>]+/g) ?? [])[0]!.replace(/&amp;/g, '&');
    started = Date.now();
    const file = await h.anonymous.get(signed.slice(h.emulator.baseUrl.length), { responseType: 'arraybuffer' });
    expect(file.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(595);
  });

  test("the default limits are Intercom's: 10,000 per minute per app, in 10-second windows", async () => {
    const res = await h.http.get('/admins');
    expect(res.headers['x-ratelimit-limit']).toBe('1667');
  });
});
