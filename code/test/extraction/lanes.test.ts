/**
 * The data loop's lanes (`lanes.ts`): listings that read no details run at the same time as the
 * detail reads of conversations. Two small kinds and an in-memory page source stand in for Intercom
 * (the loop is the thing under test); every wait is on an event of the test, never on a timer.
 */
import { runDataLoop, type ListedPage, type LoopDeps } from '../../src/extraction/data-loop';
import { lanesOf } from '../../src/extraction/lanes';
import { beginRun, initialConnectorState, type ConnectorState } from '../../src/extraction/state';
import { KINDS } from '../../src/kinds';
import type { DetailClient, KindSpec, Raw } from '../../src/kinds/types';

const context = { appId: 'app', region: 'us' as const, observedAt: '2026-01-01T00:00:00.000Z', contactReferenceField: '',
  customAttributes: {}, adminNames: {}, teamNames: {}, helpCenterUrls: [], fileHosts: [] };

/** A kind listed at `/<itemType>` whose objects become one item each; `detail`: each is read at `/<itemType>/<id>`. */
function fakeKind(itemType: string, detail: boolean, completion?: KindSpec['completion']): KindSpec {
  return {
    itemType, alsoEmits: [], dependsOn: [],
    listAll: () => ({ style: 'cursor', kind: itemType, path: `/${itemType}`, itemsKey: 'data' }) as never,
    listChangedSince: () => 'relist',
    updatedAt: () => undefined,
    ...(detail && { fetchDetail: (client: DetailClient, listed: Raw) => client.get(`/${itemType}/${String(listed.id)}`) }),
    ...(completion && { completion }),
    normalize: (obj: Raw) => ({
      items: [{ itemType, item: { id: String(obj.id), created_date: '2026-01-01T00:00:00Z', modified_date: '2026-01-01T00:00:00Z', data: {} } }],
      attachments: [], skipped: [],
    }),
    deletions: 'none',
    recordTypes: () => ({}),
  } as unknown as KindSpec;
}

const page = (ids: string[], next: string | null): ListedPage => ({ items: ids.map((id) => ({ id })), invalid: [], next });

function startedState(): ConnectorState {
  return beginRun(initialConnectorState(), { startedAt: 1_767_225_600, windowStart: null,
    options: { importAllConversations: true, contactReferenceField: '', region: 'us' }, context });
}

/** A promise settled from outside, and whether it has been. */
function signal(): { promise: Promise<void>; fire: () => void; fired: () => boolean } {
  let fire: () => void = () => undefined;
  let done = false;
  const promise = new Promise<void>((resolve) => (fire = () => { done = true; resolve(); }));
  return { promise, fire, fired: () => done };
}

function deps(state: ConnectorState, kinds: KindSpec[], client: LoopDeps['client'], log: string[], isTimeout = () => false): LoopDeps {
  return {
    kinds, client, state,
    listContext: { importAllConversations: true },
    normalizeContext: context,
    push: async (type, items) => { log.push(...items.map((i) => `push ${type} ${i.id}`)); },
    checkpoint: async () => { log.push('checkpoint'); },
    isTimeout,
  };
}

describe('lanes of the data loop', () => {
  it('puts the kinds that read every detail (conversations) in one lane, the listings in the other, in table order', () => {
    expect(lanesOf(KINDS).map((lane) => lane.map((k) => k.itemType))).toEqual([
      ['conversations'],
      ['admins', 'teams', 'tags', 'companies', 'contacts', 'collections', 'articles', 'tickets'],
    ]);
  });

  it('reads the conversations while the contacts are still being listed, and completes contacts only after both', async () => {
    const log: string[] = [];
    const conversationReadStarted = signal();
    const contactsListed = signal();
    // Contacts come before conversations in the table. One after the other, page 2 of the contacts would
    // wait for a conversation read that cannot start: the 5 s fallback lets that loop finish, and fail.
    const fallback = setTimeout(() => conversationReadStarted.fire(), 5_000);
    const contacts = fakeKind('contacts', false, {
      needed: (obj) => obj.id === 'p2',
      read: async (_client, id) => { log.push(`complete ${id}`); return { id }; },
    });
    const client: LoopDeps['client'] = {
      paginate: (spec) => (async function* () {
        if (spec.path === '/contacts') {
          yield page(['p1'], 'c1');
          await conversationReadStarted.promise;
          log.push('contacts page 2');
          yield page(['p2'], null);
          contactsListed.fire();
        } else {
          yield page(['v1', 'v2'], null);
        }
      })(),
      get: async <T>(path: string) => {
        log.push(`read ${path}`);
        conversationReadStarted.fire();
        await contactsListed.promise; // the conversations lane is still reading when the contacts lane ends
        return { id: path.split('/').pop() } as T;
      },
    };
    try {
      const outcome = await runDataLoop(deps(startedState(), [contacts, fakeKind('conversations', true)], client, log));
      expect(outcome).toBe('done');
    } finally {
      clearTimeout(fallback);
    }
    expect(log.indexOf('read /conversations/v1')).toBeLessThan(log.indexOf('contacts page 2'));
    // The completion pass waits for both lanes: after the last conversation went out.
    expect(log.indexOf('complete p2')).toBeGreaterThan(log.indexOf('push conversations v2'));
    expect(log.filter((line) => line.startsWith('push')).sort()).toEqual(
      ['push contacts p1', 'push contacts p2', 'push conversations v1', 'push conversations v2']);
  });

  it("stops the other lane on a lane's error, takes no checkpoint after it, and rejects with that error", async () => {
    const log: string[] = [];
    const failed = signal();
    const client: LoopDeps['client'] = {
      paginate: (spec) => (async function* () {
        if (spec.path === '/contacts') {
          yield page(['p1'], 'c1');
          await new Promise<never>(() => undefined); // page 2 never comes: only the stop ends this lane
        }
        yield page(['v1'], null);
      })(),
      get: async () => {
        failed.fire();
        log.push('read failed');
        throw new Error('Intercom refused the token');
      },
    };
    const loop = runDataLoop(deps(startedState(), [fakeKind('contacts', false), fakeKind('conversations', true)], client, log));
    await expect(loop).rejects.toThrow('Intercom refused the token');
    expect(failed.fired()).toBe(true);
    expect(log).toContain('push contacts p1');
    expect(log.slice(log.indexOf('read failed'))).not.toContain('checkpoint');
  });

  it('stops both lanes at a timeout and resumes each where it stopped: nothing pushed twice, nothing missed', async () => {
    const log: string[] = [];
    const contactPages: Record<string, ListedPage> = { start: page(['p1', 'p2'], 'c1'), c1: page(['p3'], 'c2'), c2: page(['p4'], null) };
    const client: LoopDeps['client'] = {
      paginate: (spec, from) => (async function* () {
        if (spec.path === '/contacts') {
          for (let at = (from as string | null) ?? 'start'; ;) {
            const next = contactPages[at]!;
            yield next;
            if (next.next === null) return;
            at = next.next as string;
          }
        }
        yield page(['v1', 'v2', 'v3'], null);
      })(),
      get: async <T>(path: string) => ({ id: path.split('/').pop() }) as T,
    };
    const kinds = [fakeKind('contacts', false), fakeKind('conversations', true)];
    const state = startedState();
    // Time is up as soon as the first conversation went out.
    const first = await runDataLoop(deps(state, kinds, client, log, () => log.some((line) => line.startsWith('push conversations'))));
    expect(first).toBe('timeout');
    const resumed = JSON.parse(JSON.stringify(state)) as ConnectorState;
    expect(await runDataLoop(deps(resumed, kinds, client, log))).toBe('done');
    const pushes = log.filter((line) => line.startsWith('push'));
    expect([...pushes].sort()).toEqual(['push contacts p1', 'push contacts p2', 'push contacts p3', 'push contacts p4',
      'push conversations v1', 'push conversations v2', 'push conversations v3']);
  });
});
