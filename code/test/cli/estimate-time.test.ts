/**
 * `estimate` predicts wall time by modelling what the import does (estimate-time.ts): start-up, two
 * lanes at once, the limit's fixed windows, the data loop's CPU. Expected values are worked out by hand below.
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { estimateCommand } from '../../src/cli/commands/estimate';
import { loopCpuSeconds, pacedSeconds, predictApiSeconds, predictAttachmentSeconds } from '../../src/cli/estimate-time';

describe('predicted wall time (hand-computed)', () => {
  it('requests as many at once as the client allows: each full budget costs a window when that pace would spend it early', () => {
    // 1,667 per 10 s at 250 ms: ceil(0.1667 × 250 × 1.25) = 53 in flight = 212/s; a budget goes in 7.9 s (< 9 s):
    // one full window (10 s) and 1,333 more at 212/s (6.288 s).
    expect(pacedSeconds(3000, 1667, 250)).toBeCloseTo(10 + 1333 / 212, 5);
    // 50 per 10 s at 200 ms: at least 4 in flight = 20/s, a budget in 2.5 s: 20 full windows, nothing left.
    expect(pacedSeconds(1000, 50, 200)).toBeCloseTo(200, 5);
    // 10,000 per 10 s at 250 ms: at most 64 in flight = 256/s, a budget would take 39 s: the pace binds.
    expect(pacedSeconds(3000, 10_000, 250)).toBeCloseTo(3000 / 256, 5);
  });

  it('the API phase: start-up, then the longer of the two lanes, then the completion reads', () => {
    // Start-up 5 round trips of 0.25 s + 3 workers × 0.65 s = 3.2 s; tail 2 × 0.25 = 0.5 s.
    // Both lanes' 3,060 requests paced: 10 + 1,393 / 212 = 16.571 s; the listing lane's 40 pages in a row: 10 s.
    const inputs = { latencyMs: 250, limitPer10s: 1667, detailLaneRequests: 3020, listingLaneRequests: 40, loopCpuSeconds: 5 };
    expect(predictApiSeconds(inputs)).toBeCloseTo(3.2 + 10 + 1393 / 212 + 0.5, 3);
    // The listing lane binds: 100 pages one after another (25 s) beside 600 paced requests (2.83 s).
    expect(predictApiSeconds({ ...inputs, detailLaneRequests: 500, listingLaneRequests: 100 })).toBeCloseTo(3.2 + 25 + 0.5, 5);
  });

  it("the process's CPU binds when it takes longer: detail reads × normalize time × 4.7, over 2 threads at the share of a core they get", () => {
    // 3,000 × 10 ms × 4.7 = 141 s of CPU; two threads on two free cores: 70.5 s.
    expect(loopCpuSeconds(3000, 10)).toBeCloseTo(70.5, 5);
    // Half a core each: 141 s; one core only: both threads on it, 141 s too.
    expect(loopCpuSeconds(3000, 10, 0.5, 2)).toBeCloseTo(141, 5);
    expect(loopCpuSeconds(3000, 10, 1, 1)).toBeCloseTo(141, 5);
    const inputs = { latencyMs: 250, limitPer10s: 1667, detailLaneRequests: 3020, listingLaneRequests: 40, loopCpuSeconds: 141 };
    expect(predictApiSeconds(inputs)).toBeCloseTo(3.2 + 141 + 0.5, 5);
  });

  it("the attachments phase moves the workspace's bytes at the probe downloads' rate, and pays 1.3 × per byte for the rest of the import's path", () => {
    expect(predictAttachmentSeconds(750_000_000, 25_000_000)).toBeCloseTo(39, 5); // 750 MB at 25 MB/s: 30 s × 1.3
    expect(predictAttachmentSeconds(2_000_000, 4_000_000)).toBeCloseTo(0.65, 5);
  });
});

describe('estimate against an emulator with 200 ms latency', () => {
  let emulator: IntercomEmulator;
  let spy: jest.SpyInstance;
  beforeAll(async () => {
    emulator = await startIntercomEmulator({ seed: 5, size: { conversations: 40 }, rateLimit: { appPer10s: 50 }, latencyMs: 200, downloadLatencyMs: 100 });
    spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    spy.mockRestore();
    await emulator.close();
  });

  it('measures the latency of its requests and predicts from it', async () => {
    const estimate = await estimateCommand({ intercomUrl: emulator.baseUrl, token: emulator.token, allConversations: true });
    // Each answer waits 100–300 ms (mean 200); loopback adds little (a loaded machine more).
    expect(estimate.latencyMs).toBeGreaterThanOrEqual(150);
    expect(estimate.latencyMs).toBeLessThan(700);
    // It normalized the conversations it read whole, and timed it.
    expect(estimate.normalizeMs).toBeGreaterThan(0);
    // 50 per 10 s binds: 4 in flight at < 800 ms spend a budget in under 9 s, so each full budget of
    // the lanes' requests (all but a few made at start-up) costs a window; 40 conversations' CPU is far
    // less. On top: 3 workers' start (1.95 s) and 7 round trips, well under a window.
    const windows = estimate.requests / 50;
    expect(estimate.apiSeconds).toBeGreaterThanOrEqual(Math.floor((Math.floor(windows - 1) * 10 + 1.95)));
    expect(estimate.apiSeconds).toBeLessThanOrEqual(Math.ceil(windows) * 10 + 1.95 + 7 * (estimate.latencyMs / 1000) + 1);
    // It downloaded the sampled files, each waiting 50–150 ms before its bytes: all of them at once
    // (fewer than 32) take at least 50 ms, so their rate is at most their bytes in 0.05 s.
    const a = estimate.attachments;
    expect(a.files).toBeGreaterThan(0);
    expect(a.probeFiles).toBeGreaterThan(0);
    expect(a.bytesPerSecond).toBeLessThanOrEqual(a.probeBytes / 0.05);
    // The phase: the workspace's bytes at that rate, 1.3 × for the rest of the import's path.
    expect(a.seconds).toBe(Math.round((a.bytes! / a.bytesPerSecond!) * 1.3));
  }, 60_000);
});
