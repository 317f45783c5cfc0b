/**
 * `estimate` predicts wall time from its own requests' latency, the limit and the client's concurrency
 * rule. Expected values are worked out by hand below.
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { estimateCommand } from '../../src/cli/commands/estimate';
import { loopCpuSeconds, predictApiSeconds, predictAttachmentSeconds } from '../../src/cli/estimate-time';

describe('predicted wall time (hand-computed)', () => {
  it('the API phase runs at the lower of the allowed rate and concurrency ÷ latency, plus 19 round trips in a row', () => {
    // 50 per 10 s = 5/s; 4 in flight at 200 ms would do 20/s: the limit binds. 1000 / 5 + 19 × 0.2.
    expect(predictApiSeconds(1000, 50, 200)).toBeCloseTo(203.8, 5);
    // Intercom's default 1,667 per 10 s = 166.7/s; ceil(0.1667 × 250 × 1.25) = 53 in flight → 212/s: the limit binds.
    expect(predictApiSeconds(3000, 1667, 250)).toBeCloseTo(3000 / 166.7 + 4.75, 3);
    // 10,000 per 10 s = 1000/s; at most 64 in flight at 250 ms = 256/s: latency binds. 3000 / 256 + 19 × 0.25.
    expect(predictApiSeconds(3000, 10_000, 250)).toBeCloseTo(11.71875 + 4.75, 5);
  });

  it("the data loop's CPU binds when it takes longer than the requests: detail reads × normalize time × 1.6", () => {
    // 3,375 detail reads at 10 ms of normalize: 3375 × 10 × 1.6 = 54 s of CPU.
    expect(loopCpuSeconds(3375, 10)).toBeCloseTo(54, 5);
    // 3,400 requests at 166.7/s take 20.4 s: the CPU's 54 s bind, plus 19 round trips of 0.25 s.
    expect(predictApiSeconds(3400, 1667, 250, 54)).toBeCloseTo(54 + 4.75, 5);
    // 2 ms of normalize: 10.8 s of CPU, less than the limit's 20.4 s, which binds.
    expect(predictApiSeconds(3400, 1667, 250, loopCpuSeconds(3375, 2))).toBeCloseTo(3400 / 166.7 + 4.75, 3);
  });

  it("the attachments phase moves the workspace's bytes at the probe downloads' rate", () => {
    expect(predictAttachmentSeconds(750_000_000, 25_000_000)).toBeCloseTo(30, 5); // 750 MB at 25 MB/s
    expect(predictAttachmentSeconds(2_000_000, 4_000_000)).toBeCloseTo(0.5, 5);
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
    // 50 per 10 s binds (4 in flight at < 800 ms do more than 5/s; 40 conversations' CPU is far less
    // than 8 s): R / 5 s plus 19 round trips of the latency.
    const latencySeconds = estimate.latencyMs / 1000;
    expect(estimate.apiSeconds).toBeGreaterThanOrEqual(Math.floor(estimate.requests / 5 + 19 * (latencySeconds - 0.001)));
    expect(estimate.apiSeconds).toBeLessThanOrEqual(Math.ceil(estimate.requests / 5 + 19 * (latencySeconds + 0.001)));
    // It downloaded the sampled files, each waiting 50–150 ms before its bytes: all of them at once
    // (fewer than 32) take at least 50 ms, so their rate is at most their bytes in 0.05 s.
    const a = estimate.attachments;
    expect(a.files).toBeGreaterThan(0);
    expect(a.probeFiles).toBeGreaterThan(0);
    expect(a.bytesPerSecond).toBeLessThanOrEqual(a.probeBytes / 0.05);
    // The phase: the workspace's bytes at that rate.
    expect(a.seconds).toBe(Math.round(a.bytes! / a.bytesPerSecond!));
  }, 60_000);
});
