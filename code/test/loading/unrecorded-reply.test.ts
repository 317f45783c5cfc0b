/**
 * A worker that dies between posting a reply to Intercom and recording it on the platform (its sync
 * mapper record never arrives) must not make the next run post the reply again: it finds the posted
 * part in the conversation and records that. The platform is reached through a proxy that holds the
 * first mapper-record request unanswered; the platform layer then ends the worker at its hard
 * timeout (as the SDK does: the soft timeout only asks a task to wrap up once it returns).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import type { AirdropEvent } from '../../src/adaas';
import type { LoadingItem } from '../../src/emulators/airdrop';
import initialDomainMapping from '../../src/extraction/initial-domain-mapping.json';
import { loadingFunction, partsOf, reportOf, startLoading, type LoadingSetup } from './harness';

jest.setTimeout(120_000);

const MARK = 'unrecorded-reply-8c1';
const MAPPER_CREATE = '/internal/airdrop.sync-mapper-record.create';

/** Forwards everything to `target`, except that the first mapper-record create is held unanswered. */
async function holdingProxy(target: string) {
  const held: Socket[] = [];
  let holds = 1;
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith(MAPPER_CREATE) && holds > 0) {
      holds -= 1;
      held.push(req.socket);
      return; // never answered
    }
    const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    heldRequests: () => held.length,
    close: async () => {
      held.forEach((s) => s.destroy());
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a reply posted but not recorded', () => {
  let setup: LoadingSetup;
  beforeAll(async () => {
    setup = await startLoading({ seed: 32, edgeCases: false, size: { conversations: 2, contacts: 3, admins: 2, maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 0 } });
  });
  afterAll(() => setup.close());

  it('is found and recorded by the next run, never posted twice', async () => {
    const conversationId = setup.intercom.workspace.conversationIndex()[0]!.id;
    const comment: LoadingItem = {
      id: { devrev: 'don:core:dvrv-us-1:devo/0:comment/unrecorded-1' },
      created_date: '2025-12-31T23:59:00Z', // before the emulator's clock: every reply is dated after it
      modified_date: '2025-12-31T23:59:00Z',
      data: { conversation_id: conversationId, body: { type: 'rich_text', content: [`Thanks for waiting ${MARK}`] }, visibility: 'external' },
    };
    const proxy = await holdingProxy(setup.airdrop.baseUrl);
    const loading = loadingFunction(4000);
    // Every platform URL of the events goes through the proxy.
    const viaProxy = (events: AirdropEvent[]) => loading(events.map((e) => {
      const event = structuredClone(e);
      const ctx = event.payload.event_context;
      ctx.callback_url = ctx.callback_url.replace(setup.airdrop.baseUrl, proxy.url);
      ctx.worker_data_url = ctx.worker_data_url.replace(setup.airdrop.baseUrl, proxy.url);
      event.execution_metadata.devrev_endpoint = proxy.url;
      return event;
    }));
    const run = (invoke: typeof loading) => setup.airdrop.runLoad({
      invoke: invoke as never,
      connection: { key: setup.intercom.token, key_type: 'pat', org_id: 'emulated', org_name: 'Emulated workspace' },
      globalValues: { intercom_api_base_url: setup.intercom.baseUrl },
      items: { conversation_parts: [comment] },
      initialDomainMapping,
      delayScale: 0.01,
      maxInvocations: 20,
    });
    const posted = () => partsOf(setup.intercom, conversationId).filter((p) => String(p.body ?? '').includes(MARK));
    const recorded = () => {
      const file = path.join(setup.outDir, 'mappers.json'); // written with the platform's first record
      return fs.existsSync(file) ? setup.mappers().find((m) => m.targets.includes('don:core:dvrv-us-1:devo/0:comment/unrecorded-1')) : undefined;
    };
    try {
      const crashed = await run(viaProxy);
      expect(proxy.heldRequests()).toBe(1);
      expect(crashed.status).toBe('error');
      expect(crashed.error).toMatch(/DATA_LOADING_ERROR.*Hard timeout/);
      expect(posted()).toHaveLength(1); // Intercom has the reply; the platform has no record of it
      expect(recorded()).toBeUndefined();

      const again = await run(loading);
      expect(again.error).toBeUndefined();
      expect(again.status).toBe('done');
      expect(posted()).toHaveLength(1);
      expect(reportOf(again, 'conversation_parts')).toMatchObject({ created: 1, failed: 0 });
      expect(recorded()?.external_ids).toEqual([String(posted()[0]!.id)]);
    } finally {
      await proxy.close();
    }
  });
});
