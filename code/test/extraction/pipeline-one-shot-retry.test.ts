/**
 * A transient failure in a phase without a DELAY event (external sync units, metadata): 5xx answers
 * beyond the client's retries are tried again within the phase's time, not turned into a failed import.
 */
import { jsonAnswer } from './hostile-proxy';
import { idsOf, sorted } from './pipeline-helpers';
import { TINY_WORKSPACE, usePipelineBehindProxy } from './proxied-pipeline';

const serverError = jsonAnswer(500, { type: 'error.list', errors: [{ code: 'server_error', message: 'try again' }] });

describe('5xx answers in a phase without a DELAY event', () => {
  const startBehindProxy = usePipelineBehindProxy();

  it('six 500s in a row (one more than the client retries) on /me and on /data_attributes: the import completes', async () => {
    // 16 s invocations: back-offs of at most 2 s; five of them and the retry fit the one-shot phase's 16.8 s.
    const { p, proxy } = await startBehindProxy({ seed: 23, size: TINY_WORKSPACE }, { timeoutMs: 16_000 }, [
      { match: (m, path) => m === 'GET' && path === '/me', times: 6, answer: serverError },
      { match: (m, path) => m === 'GET' && path === '/data_attributes', times: 6, answer: serverError },
    ]);
    const result = await p.run('import', { intercom_api_base_url: proxy.baseUrl, import_all_conversations: 'true' });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('done');
    expect(proxy.claimed).toEqual([6, 6]);
    const invocations = Object.fromEntries(result.phases.map((ph) => [ph.phase, ph.invocations]));
    expect(invocations).toMatchObject({ external_sync_units: 1, metadata: 1 });
    expect(idsOf(p.items('conversations'))).toEqual(sorted(p.intercom.workspace.truth.ids('conversations', { allConversations: true })));
  }, 180_000);
});
