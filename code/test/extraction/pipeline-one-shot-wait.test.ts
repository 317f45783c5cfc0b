/**
 * Rate-limit pauses in the one-shot phases (external sync units, metadata): they have no DELAY or
 * PROGRESS event, so a pause that outlasts the data loop's deadline (half of a short invocation) is
 * waited out when it ends before the hard timeout (soft × 1.3), as the SDK lets the task run on
 * past the soft timeout; a pause longer than that is an error that says so.
 */
import { jsonAnswer } from './hostile-proxy';
import { idsOf, sorted } from './pipeline-helpers';
import { TINY_WORKSPACE, usePipelineBehindProxy } from './proxied-pipeline';

const rateLimited = (seconds: number) =>
  jsonAnswer(429, { type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: 'slow down' }] }, { 'Retry-After': String(seconds) });

describe('a rate-limit pause in a phase without a DELAY event', () => {
  const startBehindProxy = usePipelineBehindProxy();

  it('is waited out when it ends before the hard timeout, though past the data loop\'s deadline', async () => {
    // 16 s invocations: the data loop stops waiting at 8 s (less 1.5 s of reserve: 6.5 s); a one-shot
    // phase at 20.8 - 4 s (less 1.5 s: 15.3 s). A 9 s pause fits only the latter, with room for a loaded machine.
    const { p, proxy } = await startBehindProxy({ seed: 21, size: TINY_WORKSPACE }, { timeoutMs: 16_000 }, [
      { match: (m, path) => m === 'GET' && path === '/me', times: 1, answer: rateLimited(9) },
      { match: (m, path) => m === 'GET' && path === '/data_attributes', times: 1, answer: rateLimited(9) },
    ]);
    const result = await p.run('import', { intercom_api_base_url: proxy.baseUrl, import_all_conversations: 'true' });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('done');
    expect(proxy.claimed).toEqual([1, 1]);
    const invocations = Object.fromEntries(result.phases.map((ph) => [ph.phase, ph.invocations]));
    expect(invocations).toMatchObject({ external_sync_units: 1, metadata: 1 });
    expect(idsOf(p.items('conversations'))).toEqual(sorted(p.intercom.workspace.truth.ids('conversations', { allConversations: true })));
  });

  it('ends the phase in an error naming the pause when it would outlast the hard timeout', async () => {
    const { p, proxy } = await startBehindProxy({ seed: 22, size: TINY_WORKSPACE }, { timeoutMs: 16_000 }, [
      { match: (m, path) => m === 'GET' && path === '/data_attributes', times: 1, answer: rateLimited(30) },
    ]);
    const result = await p.run('import', { intercom_api_base_url: proxy.baseUrl, import_all_conversations: 'true' });
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/pause of 3\d s/);
    expect(proxy.claimed).toEqual([1]);
  });
});
