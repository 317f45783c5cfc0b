/**
 * Requests in flight follow the allowed rate × the latency also while the caller's thread is busy
 * (the data loop normalizes each answer): the limiter starts a request with room at once, not one per
 * timer turn. Counts are the emulator's (arrival and answer of each request), never elapsed times.
 */
import { ConnectionLimiter, IntercomClient, resetConnectionLimiters } from '../../src/intercom';
import { startIntercomEmulator, type IntercomEmulator, type RequestLogEntry } from '../../src/emulators/intercom';
import { rateHeaders } from './helpers';

/** Most requests the server held at once, from its log. */
function peakInFlight(entries: RequestLogEntry[]): number {
  const edges = entries.flatMap((e) => [{ at: e.at, step: 1 }, { at: e.at + e.durationMs, step: -1 }]);
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let now = 0;
  let peak = 0;
  for (const edge of edges) peak = Math.max(peak, (now += edge.step));
  return peak;
}

/** Blocks the thread, as normalizing one conversation does. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) { /* CPU work */ }
}

describe('the limiter under a busy caller', () => {
  it('starts every request it has room for in the same turn of the event loop (no timer in between)', async () => {
    const limiter = new ConnectionLimiter();
    try {
      limiter.observe(rateHeaders(1667, 1600, Math.floor(Date.now() / 1000) + 10));
      // Latency known: 1,667 per 10 s × ~250 ms × 1.25 ≈ 53 allowed in flight.
      await limiter.schedule(() => new Promise((resolve) => setTimeout(resolve, 250)));
      expect(limiter.inFlightAllowed().requests).toBeGreaterThanOrEqual(40);
      let started = 0;
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const all = Array.from({ length: 40 }, () => limiter.schedule(async () => { started += 1; await held; }));
      for (let i = 0; i < 10; i++) await Promise.resolve(); // microtasks only: no timer, no I/O
      expect(started).toBe(40);
      release();
      await Promise.all(all);
    } finally {
      limiter.dispose();
    }
  });
});

describe('the client against the emulator at 300 ms and the default limit', () => {
  let emulator: IntercomEmulator;
  beforeAll(async () => {
    emulator = await startIntercomEmulator({ seed: 23, latencyMs: 300, size: { conversations: 200 } });
  });
  afterAll(async () => {
    resetConnectionLimiters();
    await emulator.close();
  });

  it('keeps at least 40 reads in flight (rate × latency ≈ 50) while spending 10 ms of CPU on each answer', async () => {
    const client = new IntercomClient({ token: emulator.token, baseUrl: emulator.baseUrl, local: true });
    const ids = emulator.workspace.conversationIndex().slice(0, 150).map((c) => c.id);
    const seen: RequestLogEntry[] = [];
    const stop = emulator.onRequest((entry) => seen.push(entry));
    try {
      await Promise.all(ids.map(async (id) => {
        await client.get(`/conversations/${id}`, { kind: 'conversation' });
        busy(10);
      }));
    } finally {
      stop();
    }
    expect(seen.filter((e) => e.status === 200)).toHaveLength(150);
    expect(peakInFlight(seen)).toBeGreaterThanOrEqual(40);
  }, 60_000);
});
