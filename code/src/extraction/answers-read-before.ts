/**
 * A paging client that answers the first GET of a path with an answer this invocation has already
 * read: a run's context reads `/admins` and `/teams` (for names) moments before the loop lists the
 * same endpoints, and a sync where nothing changed should cost as few requests as possible. Each
 * stored answer is used once; every other request goes to Intercom.
 */
import type { IntercomClient } from '../intercom';
import type { PagingClient } from '../intercom/pagers';

export function withAnswersReadBefore(client: IntercomClient, answers: Map<string, unknown>): PagingClient {
  return {
    requestJson: async (request) => {
      const stored = answers.get(request.path);
      if (request.method === 'GET' && stored !== undefined && Object.keys(request.query ?? {}).length === 0) {
        answers.delete(request.path);
        return stored;
      }
      return client.requestJson(request);
    },
    pause: (ms, why) => client.pause(ms, why),
    backoffMs: (attempt) => client.backoffMs(attempt),
  };
}
