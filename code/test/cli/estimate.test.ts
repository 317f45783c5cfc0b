/**
 * `estimate` against the Intercom emulator: counts equal the ground truth, only cheap calls are made (no
 * conversation is read whole), and the requests and rate-limit time match hand-written expectations.
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { estimateCommand } from '../../src/cli/commands/estimate';
import { pagesFor, rateLimitFloorSeconds } from '../../src/cli/estimate';
import { runCli } from './helpers';

describe('estimate', () => {
  let emulator: IntercomEmulator;
  const writes: string[] = [];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    emulator = await startIntercomEmulator({ seed: 5, size: { conversations: 40 }, rateLimit: { appPer10s: 50 } });
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => {
    writes.length = 0;
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  it.each([false, true])('counts every kind as the workspace holds it (all conversations: %s)', async (allConversations) => {
    emulator.resetMetrics();
    const estimate = await estimateCommand({ intercomUrl: emulator.baseUrl, token: emulator.token, allConversations });
    const truth = emulator.workspace.truth;
    const counted = Object.fromEntries(estimate.kinds.map((k) => [k.itemType, k.count]));
    expect(counted).toEqual({
      admins: truth.ids('admins').length,
      teams: truth.ids('teams').length,
      tags: truth.ids('tags').length,
      companies: truth.ids('companies').length,
      contacts: truth.ids('contacts').length,
      conversations: truth.ids('conversations', { allConversations }).length,
      collections: truth.ids('collections').length,
      articles: truth.ids('articles').length,
      tickets: truth.ids('tickets').length,
    });
    // Tickets: fewer than a page of 150, so one search page; search returns their parts, so no reads per ticket.
    const tickets = truth.ids('tickets').length;
    expect(tickets).toBeGreaterThan(0);
    expect(tickets).toBeLessThan(150);
    expect(estimate.kinds.find((k) => k.itemType === 'tickets')?.requests).toBe(1);
    // Conversations: one listing page (40 < 150) plus one read per conversation.
    const conversations = truth.ids('conversations', { allConversations }).length;
    expect(conversations).toBeLessThan(150);
    expect(estimate.kinds.find((k) => k.itemType === 'conversations')?.requests).toBe(1 + conversations);
    // The emulator's X-RateLimit-Limit (50 per 10 s) is what the estimate used: R requests need at least
    // R/50 − 1 full windows of 10 s beyond the first, and never more than R/50.
    expect(estimate.rateLimitPer10s).toBe(50);
    expect(estimate.rateLimitFloorSeconds % 10).toBe(0);
    expect(estimate.rateLimitFloorSeconds).toBeGreaterThanOrEqual(10 * (estimate.requests / 50 - 1));
    expect(estimate.rateLimitFloorSeconds).toBeLessThanOrEqual(10 * (estimate.requests / 50));
    // Cheap: a dozen calls, the first page of each kind but conversations and companies (7, for their
    // files) and 30 conversations read whole (three fifths of the 50 per 10 s) on the API, and the sampled
    // files downloaded from the file host (for their sizes and rate).
    const metrics = emulator.metrics();
    expect(metrics.requests).toBe(estimate.probeRequests);
    const downloads = Object.entries(metrics.byEndpoint).filter(([route]) => route.includes('/downloads/')).reduce((n, [, c]) => n + c, 0);
    expect(downloads).toBe(estimate.attachments.probeFiles);
    expect(metrics.requests - downloads).toBeLessThan(50);
    expect(metrics.byEndpoint['GET /conversations/:id']).toBe(30);
    const printed = writes.join('');
    expect(printed).toContain(`Requests: about ${estimate.requests}`);
  });

  it('rate-limit arithmetic (hand-computed)', () => {
    expect(pagesFor(0, 150)).toBe(1);
    expect(pagesFor(150, 150)).toBe(1);
    expect(pagesFor(151, 150)).toBe(2);
    // 50 per window: the first 50 go at once, the 51st waits one window.
    expect(rateLimitFloorSeconds(50, 50)).toBe(0);
    expect(rateLimitFloorSeconds(51, 50)).toBe(10);
    expect(rateLimitFloorSeconds(1000, 50)).toBe(190);
    expect(rateLimitFloorSeconds(101, 50)).toBe(20); // 50 now, 50 after 10 s, the last after 20 s
    expect(rateLimitFloorSeconds(0, 50)).toBe(0);
  });

  it('as a command: prints the table and exits 0', async () => {
    const r = await runCli(['estimate', '--intercom-url', emulator.baseUrl, '--all-conversations'], { env: { INTERCOM_TOKEN: emulator.token } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/conversations\s+\d+\s+\d+/);
    expect(r.stdout).toMatch(/it forces at least/);
    expect(r.stdout + r.stderr).not.toContain(emulator.token);
  });
});
