/**
 * Rate limits through the whole pipeline: a wait that does not fit in the invocation becomes
 * DATA_EXTRACTION_DELAYED with its seconds, the platform calls again after the delay, and the run
 * completes with nothing lost.
 */
import { idsOf, sorted, startPipeline, type Pipeline } from './pipeline-helpers';

const SIZE = { admins: 2, teams: 1, tags: 2, companies: 2, contacts: 4, conversations: 6, articles: 2, collections: 1, sections: 0,
  helpCenters: 1, maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 0 };

describe('pipeline under a tight rate limit', () => {
  let p: Pipeline;
  afterEach(async () => p?.close());

  it('a rate limit too tight to wait out inside an invocation becomes DELAYED, and the run still completes', async () => {
    p = await startPipeline({ seed: 6, size: SIZE, rateLimit: { appPer10s: 10 } }, { timeoutMs: 8000 });
    const result = await p.run('import', { import_all_conversations: 'true' });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('done');
    const delays = result.phases.reduce((n, ph) => n + ph.delays, 0);
    expect(delays).toBeGreaterThan(0);
    expect(p.intercom.metrics().rateLimited + delays).toBeGreaterThan(0);
    expect(idsOf(p.items('conversations'))).toEqual(sorted(p.intercom.workspace.truth.ids('conversations', { allConversations: true })));
    expect(p.state().intercom.report.http.delays).toBeGreaterThan(0);
  });
});
