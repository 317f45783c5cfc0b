/**
 * Issue 10 §7: a file that fails for a passing reason (5xx, 429, network beyond the retries) is kept
 * and tried again in the next run; only a file gone for good (404) is reported as lost, with its reason.
 */
import { IntercomClient } from '../../src/intercom';
import { streamFunction } from '../../src/extraction/attachment-stream';
import { initialConnectorState } from '../../src/extraction/state';
import type { NormalizedAttachment } from '../../src/adaas';
import { json, newToken, startScriptedServer } from '../intercom/helpers';

/** These files are never empty: an upload of an empty one would be a bug here. */
const noEmptyFiles = async (): Promise<void> => {
  throw new Error('unexpected empty file');
};

const file = (baseUrl: string, name: string): NormalizedAttachment =>
  ({ id: `part-1-att-${name}`, url: `${baseUrl}/downloads/k/${name}`, file_name: name, parent_id: '1-source' }) as NormalizedAttachment;

describe('files that fail for a passing reason are kept for the next run', () => {
  it('a 503 that outlasts the retries is kept (pending), a 404 is lost with its reason, and a later success forgets the file', async () => {
    let healthy = false;
    const server = await startScriptedServer([
      (req, res, body) => {
        if (req.url?.includes('gone')) return json(404, { type: 'error.list', errors: [{ code: 'not_found', message: 'gone' }] })(req, res, body);
        if (!healthy) return json(503, { type: 'error.list', errors: [{ code: 'service_unavailable', message: 'busy' }] })(req, res, body);
        res.end('bytes');
      },
    ]);
    try {
      const client = new IntercomClient({
        token: newToken(), baseUrl: server.baseUrl, local: true, localFileHosts: [new URL(server.baseUrl).host], maxRetries: 1, backoff: { baseMs: 5, capMs: 10 },
      });
      const state = initialConnectorState();
      const stream = streamFunction(client, state, noEmptyFiles);
      const flaky = file(server.baseUrl, 'flaky.png');
      const gone = file(server.baseUrl, 'gone.png');
      expect((await stream({ item: flaky, event: {} as never })).error).toBeDefined();
      expect((await stream({ item: gone, event: {} as never })).error).toBeDefined();

      expect(state.retryFiles.map((f) => [f.item.id, f.tries])).toEqual([[flaky.id, 1]]);
      expect(state.report.items.attachments?.pending?.count).toBe(1);
      expect(state.report.items.attachments?.skipped.count).toBe(1);
      expect(state.report.items.attachments?.skipped.sample[0]).toEqual({ id: gone.id, reason: expect.stringMatching(/404/) });

      healthy = true; // the next run
      expect((await stream({ item: flaky, event: {} as never })).error).toBeUndefined();
      expect(state.retryFiles).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
