/**
 * A companies scroll still under way when the data phase's wrap-up point passes. Intercom expires a
 * scroll left a minute unused, and DevRev does not bound the gap between two invocations: a scroll
 * left for the next invocation starts again from its first page there, so a company set that takes
 * k invocations to scroll cost about k²/2 invocations' worth of pages. Here each invocation's end
 * expires the open scroll (an event, as if that minute passed), and Intercom answers scroll pages 2
 * to 4 slowly, so that page 4 arrives past the wrap-up point of other listings (half the soft timeout)
 * but well before the hard timeout's reserve, where a scroll must stop.
 */
import { startPipeline, type Pipeline } from './pipeline-helpers';
import { smallWorkspace } from './small-workspace';

const COMPANIES = 1_000; // 10 scroll pages of 100, then the empty page that ends the scroll: 11 requests
const SIZE = smallWorkspace({ companies: COMPANIES, helpCenters: 1, tickets: 0 });
// Soft timeout 30 s: other listings wrap up at 15 s, a scroll at 30 × 1.3 − 7.5 = 31.5 s. Pages 2-4
// take 5.5 s each (under the client's 7.5 s request timeout): page 4 answers after 16.5 s, past 15 s
// whatever came before it; the 7 pages after it need a few seconds.
const SOFT_TIMEOUT_MS = 30_000;
const SLOW_PAGE_MS = 5_500;

describe('a companies scroll under way when the invocation wraps up', () => {
  let p: Pipeline;
  afterAll(async () => p?.close());

  it('is read once, to its end, although a scroll expires between invocations', async () => {
    p = await startPipeline({ seed: 43, size: SIZE, edgeCases: false }, { timeoutMs: SOFT_TIMEOUT_MS });
    let scrollRequests = 0;
    p.intercom.onRequest((entry) => {
      if (entry.route !== 'GET /companies/scroll') return;
      scrollRequests += 1;
      if (scrollRequests === 1) p.intercom.setFaults({ routes: ['GET /companies/scroll'], slowRate: 1, slowMs: SLOW_PAGE_MS });
      if (scrollRequests === 4) p.intercom.setFaults({});
    });
    const imported = await p.run('import', {}, {
      onProgress: (progress) => {
        if (progress.type === 'invocation') p.intercom.expireScrolls();
      },
    });
    expect({ status: imported.status, error: imported.error }).toEqual({ status: 'done', error: undefined });
    expect(p.items('companies')).toHaveLength(COMPANIES);
    expect(p.intercom.metrics().faults.slow).toBe(3);
    // 10 pages and the empty one, plus one: a scroll begun too late in an invocation starts once more.
    expect(scrollRequests).toBeLessThanOrEqual(11 + 1);
    console.log(`${scrollRequests} scroll requests for ${COMPANIES} companies`);
  }, 240_000);
});
