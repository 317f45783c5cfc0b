/**
 * The loop reads ahead: many detail reads at once, across page boundaries and during checkpoints,
 * each item pushed once its read is done (in listing order when the reads finish in order; a slow
 * read holding only itself: `slow-read.test.ts`). Events decide (a read waits until the test has seen
 * what it expects); a guard fails the test if the awaited event never comes, as with the old loop
 * (four reads at a time, nothing read during a checkpoint).
 */
import { runDataLoop, type ListedPage } from '../../src/extraction/data-loop';
import { beginRun, initialConnectorState } from '../../src/extraction/state';
import type { KindSpec } from '../../src/kinds/types';

const context = { appId: 'app', region: 'us' as const, observedAt: '2026-01-01T00:00:00.000Z', contactReferenceField: '',
  customAttributes: {}, adminNames: {}, teamNames: {}, helpCenterUrls: [], fileHosts: [] };

/** A kind with a detail read per object; each listed object `{ id }` becomes one item. */
function fakeKind(): KindSpec {
  const spec = { style: 'cursor', kind: 'thing', path: '/things', itemsKey: 'things', perPage: 10 } as never;
  return {
    itemType: 'conversations', alsoEmits: [], dependsOn: [], deletions: 'none' as never,
    listAll: () => spec, listChangedSince: () => spec, updatedAt: () => undefined,
    fetchDetail: (client, listed) => client.get(`/things/${String(listed.id)}`) as Promise<Record<string, unknown>>,
    normalize: (obj) => ({ items: [{ itemType: 'conversations', item: { id: String(obj.id), data: {} } as never }], attachments: [], skipped: [] }) as never,
    recordTypes: () => ({}),
  };
}

function pagesOf(ids: string[][]): ListedPage[] {
  return ids.map((page, i) => ({ items: page.map((id) => ({ id })), invalid: [], next: i < ids.length - 1 ? { page: i + 2 } : null }));
}

/** Resolves when `condition()` holds (checked on every read event); rejects after a guard time. */
function eventually(waiters: Array<() => void>, condition: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`never happened: ${what}`)), 10_000);
    const check = () => {
      if (!condition()) return;
      clearTimeout(guard);
      resolve();
    };
    waiters.push(check);
    check();
  });
}

function newState() {
  return beginRun(initialConnectorState(), { startedAt: 1_767_225_600, windowStart: null,
    options: { importAllConversations: true, contactReferenceField: '', region: 'us' }, context });
}

describe('data loop reading ahead', () => {
  it('has many detail reads in flight at once, and pushes in listing order when they finish in order', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const started: string[] = [];
    const waiters: Array<() => void> = [];
    const allStarted = eventually(waiters, () => started.length >= 20, '20 detail reads in flight at once');
    const pushed: string[] = [];
    const outcome = runDataLoop({
      kinds: [fakeKind()],
      client: {
        paginate: async function* () { yield* pagesOf([ids.slice(0, 10), ids.slice(10, 20), ids.slice(20, 30), ids.slice(30)]); },
        get: async <T>(path: string) => {
          const id = path.split('/').pop()!;
          started.push(id);
          waiters.forEach((w) => w());
          await allStarted; // no read answers before 20 are under way at once
          return { id } as T;
        },
      },
      state: newState(),
      listContext: { importAllConversations: true },
      normalizeContext: context,
      push: async (_type, items) => { pushed.push(...items.map((i) => i.id)); },
      checkpoint: async () => undefined,
      isTimeout: () => false,
    });
    await allStarted;
    expect(await outcome).toBe('done');
    expect(pushed).toEqual(ids);
  });

  it('goes on reading the next page while a checkpoint is under way', async () => {
    const ids = [['a1', 'a2'], ['b1', 'b2'], ['c1']];
    const started: string[] = [];
    const waiters: Array<() => void> = [];
    const state = newState();
    let checkpoints = 0;
    const outcome = await runDataLoop({
      kinds: [fakeKind()],
      client: {
        paginate: async function* () { yield* pagesOf(ids); },
        get: async <T>(path: string) => {
          started.push(path.split('/').pop()!);
          waiters.forEach((w) => w());
          return { id: path.split('/').pop() } as T;
        },
      },
      state,
      listContext: { importAllConversations: true },
      normalizeContext: context,
      push: async () => undefined,
      checkpoint: async () => {
        checkpoints += 1;
        // The first checkpoint (after page a) completes only once page b's reads have started.
        if (checkpoints === 1) await eventually(waiters, () => started.includes('b1'), 'a read of page b during the checkpoint of page a');
      },
      isTimeout: () => false,
    });
    expect(outcome).toBe('done');
    expect(started.sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
  });

  it('a stop inside a page resumes after the last object pushed, re-reading nothing pushed before', async () => {
    const ids = [['a1', 'a2', 'a3', 'a4'], ['b1']];
    const state = newState();
    const pushed: string[] = [];
    let stop = false;
    const deps = (from: { pages: ListedPage[] }) => ({
      kinds: [fakeKind()],
      client: {
        paginate: async function* () { yield* from.pages; },
        get: async (path: string) => ({ id: path.split('/').pop() }),
      },
      state,
      listContext: { importAllConversations: true },
      normalizeContext: context,
      push: async (_type: string, items: Array<{ id: string }>) => {
        pushed.push(...items.map((i) => i.id));
        if (items.some((i) => i.id === 'a2')) stop = true;
      },
      checkpoint: async () => undefined,
      isTimeout: () => stop,
    });
    expect(await runDataLoop(deps({ pages: pagesOf(ids) }) as never)).toBe('timeout');
    expect(state.kinds.conversations!.doneInPage).toEqual(['a1', 'a2']);
    stop = false;
    // The resumed listing starts again at the page the stop was in.
    expect(await runDataLoop(deps({ pages: pagesOf(ids) }) as never)).toBe('done');
    expect(pushed).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
  });
});
