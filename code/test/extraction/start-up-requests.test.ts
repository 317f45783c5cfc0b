/**
 * The fixed costs of a run (issue 11): what each phase's start asks Intercom, counted per phase, and
 * whether reads that do not depend on each other are in flight together. At 250 ms per request
 * every request one start-up waits for in turn costs a quarter of a second of the import.
 */
import http from 'node:http';
import type { SnapInFunction } from '../../src/emulators/airdrop/types';
import { createFunctions } from '../../src/index';
import type { ProxyRule } from './hostile-proxy';
import { startPipeline, type Pipeline } from './pipeline-helpers';
import { TINY_WORKSPACE, usePipelineBehindProxy } from './proxied-pipeline';

/** The snap-in's extraction function, noting the event type of the invocation under way. */
function phaseTracking(): { invoke: SnapInFunction; phase: () => string } {
  const functions = createFunctions({ timeoutMs: 15_000, local: true });
  let current = '';
  const invoke = (async (events: Array<{ payload: { event_type: string } }>) => {
    current = events[0]!.payload.event_type;
    return functions.extraction(events as never);
  }) as unknown as SnapInFunction;
  return { invoke, phase: () => current };
}

describe('requests at the start of each phase of an import', () => {
  let p: Pipeline | undefined;
  afterEach(async () => p?.close());

  it('asks /me once in the sync-units phase and once in the metadata phase; the data phase starts with that answer', async () => {
    p = await startPipeline({ seed: 31, size: TINY_WORKSPACE }, { timeoutMs: 15_000 });
    const { invoke, phase } = phaseTracking();
    const byPhase: Record<string, Record<string, number>> = {};
    p.intercom.onRequest((e) => {
      const routes = (byPhase[phase()] ??= {});
      routes[e.route] = (routes[e.route] ?? 0) + 1;
    });
    const result = await p.run('import', { import_all_conversations: 'true' }, { invoke });
    expect(result.status).toBe('done');
    expect(byPhase.START_EXTRACTING_EXTERNAL_SYNC_UNITS).toEqual({ 'GET /me': 1 });
    expect(byPhase.START_EXTRACTING_METADATA).toEqual({
      'GET /me': 1, 'GET /data_attributes': 2, 'GET /conversations/attributes': 1, 'GET /ticket_types': 1,
    });
    expect(byPhase.START_EXTRACTING_DATA?.['GET /me']).toBeUndefined();
    expect(byPhase.START_EXTRACTING_DATA?.['GET /ticket_types']).toBeUndefined();
    const meReads = Object.values(byPhase).reduce((sum, routes) => sum + (routes['GET /me'] ?? 0), 0);
    expect(meReads).toBe(2);
  }, 120_000);
});

/**
 * Requests held at the proxy until every request of the group has arrived. A start-up that sends
 * them one after another never completes the group: the proxy then lets the held one go after
 * `fallbackMs` (only so that the run ends) and counts it.
 */
function gate(routes: Array<[method: string, path: string | RegExp]>, fallbackMs = 3000): { rules: ProxyRule[]; fallbacks: () => number } {
  let arrived = 0;
  let fallbacks = 0;
  const waiting: Array<() => void> = [];
  const all = routes.length;
  const rules = routes.map(([method, path]): ProxyRule => ({
    match: (m, p) => m === method && (typeof path === 'string' ? p === path : path.test(p)),
    times: 1,
    answer: async (_req: http.IncomingMessage, res: http.ServerResponse, forward) => {
      arrived += 1;
      if (arrived === all) waiting.splice(0).forEach((go) => go());
      else {
        await new Promise<void>((go) => {
          const timer = setTimeout(() => { fallbacks += 1; go(); }, fallbackMs);
          waiting.push(() => { clearTimeout(timer); go(); });
        });
      }
      const got = await forward();
      const headers = { ...got.headers };
      delete headers['transfer-encoding'];
      delete headers['content-length'];
      res.writeHead(got.status, headers);
      res.end(got.body);
    },
  }));
  return { rules, fallbacks: () => fallbacks };
}

describe('reads of a phase start that do not depend on each other', () => {
  const startBehindProxy = usePipelineBehindProxy();

  it('are in flight together: the metadata phase\'s definitions, the data phase\'s context and newest stamp', async () => {
    const metadata = gate([['GET', '/data_attributes'], ['GET', '/data_attributes'], ['GET', '/conversations/attributes'], ['GET', '/ticket_types']]);
    const dataStart = gate([['GET', '/admins'], ['GET', '/teams'], ['GET', '/help_center/help_centers'], ['POST', '/contacts/search']]);
    const { p, proxy } = await startBehindProxy({ seed: 32, size: TINY_WORKSPACE }, { timeoutMs: 15_000 }, [...metadata.rules, ...dataStart.rules]);
    const result = await p.run('import', { intercom_api_base_url: proxy.baseUrl, import_all_conversations: 'true' });
    expect(result.status).toBe('done');
    expect(proxy.claimed).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect({ metadata: metadata.fallbacks(), dataStart: dataStart.fallbacks() }).toEqual({ metadata: 0, dataStart: 0 });
  }, 180_000);
});

describe('a contact read again for its companies and tags (more than Intercom inlines)', () => {
  const startBehindProxy = usePipelineBehindProxy();
  const SIZE = {
    admins: 1, teams: 1, tags: 14, companies: 14, contacts: 4, conversations: 2, collections: 1, sections: 0, articles: 1,
    helpCenters: 1, maxPartsPerConversation: 1, longConversations: 0, deletedConversations: 0, tickets: 0,
  };

  it('has its companies and its tags read at once', async () => {
    const relations = gate([['GET', /^\/contacts\/[^/]+\/companies$/], ['GET', /^\/contacts\/[^/]+\/tags$/]]);
    // The generator's edge cases give one contact 12 companies and 12 tags.
    const { p, proxy } = await startBehindProxy({ seed: 41, size: SIZE, edgeCases: true }, { timeoutMs: 15_000 }, relations.rules);
    const result = await p.run('import', { intercom_api_base_url: proxy.baseUrl });
    expect(result.status).toBe('done');
    expect(proxy.claimed).toEqual([1, 1]);
    expect(relations.fallbacks()).toBe(0);
  }, 180_000);
});
