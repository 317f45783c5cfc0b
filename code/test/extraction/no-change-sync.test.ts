/**
 * A sync where nothing changed reads each small, fixed endpoint once (issue 11: ≤ 1 request per 150
 * objects). The metadata phase's custom attribute definitions serve the data phase of the same run,
 * and the admins and teams read for the run context serve the loop's listings of those kinds.
 */
import { startPipeline, type Pipeline } from './pipeline-helpers';

const SIZE = {
  admins: 3, teams: 2, tags: 3, companies: 3, contacts: 6, conversations: 6, collections: 1, sections: 1, articles: 2,
  helpCenters: 1, maxPartsPerConversation: 3, longConversations: 0, deletedConversations: 0, tickets: 2,
};

describe('a sync with nothing changed', () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await startPipeline({ seed: 21, size: SIZE }, { timeoutMs: 15_000 });
  }, 60_000);
  afterAll(() => p?.close());

  it('reads the attribute definitions, admins and teams once each', async () => {
    expect((await p.run('import')).status).toBe('done');
    const routes = new Map<string, number>();
    const off = p.intercom.onRequest((e) => {
      const key = `${e.route}${e.route === 'GET /data_attributes' ? ` ${new URL(e.url, 'http://x').searchParams.get('model')}` : ''}`;
      routes.set(key, (routes.get(key) ?? 0) + 1);
    });
    expect((await p.run('sync')).status).toBe('done');
    off();
    const count = (route: string) => routes.get(route) ?? 0;
    expect({
      contactAttributes: count('GET /data_attributes contact'),
      companyAttributes: count('GET /data_attributes company'),
      conversationAttributes: count('GET /conversations/attributes'),
      ticketTypes: count('GET /ticket_types'),
      admins: count('GET /admins'),
      teams: count('GET /teams'),
    }).toEqual({ contactAttributes: 1, companyAttributes: 1, conversationAttributes: 1, ticketTypes: 1, admins: 1, teams: 1 });
  }, 240_000);
});
