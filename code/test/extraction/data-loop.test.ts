/**
 * The loop's bookkeeping for bad input, with an in-memory page source standing in for Intercom
 * (the loop is the thing under test; the emulator-backed tests cover the real client).
 */
import { IntercomSchemaError } from '../../src/intercom';
import { kindOf } from '../../src/kinds';
import { runDataLoop, type ListedPage } from '../../src/extraction/data-loop';
import { beginRun, initialConnectorState } from '../../src/extraction/state';

const context = { appId: 'app', region: 'us' as const, observedAt: '2026-01-01T00:00:00.000Z', contactReferenceField: '',
  customAttributes: {}, adminNames: {}, teamNames: {}, helpCenterUrls: [], fileHosts: [] };

describe('data loop with bad input', () => {
  it('records a schema-invalid item and an object the normalizer rejects, and goes on with the rest', async () => {
    const state = beginRun(initialConnectorState(), { startedAt: 1_767_225_600, windowStart: null,
      options: { importAllConversations: true, contactReferenceField: '', region: 'us' }, context });
    const good = { type: 'company', id: 'c1', name: 'Acme', created_at: 1_700_000_000, updated_at: 1_700_000_100 };
    const unusable = { type: 'company', id: 'c2', name: 'Broken', created_at: 'yesterday', updated_at: 1 };
    const pages: ListedPage[] = [{
      items: [good, unusable],
      invalid: [{ id: 'c3', error: new IntercomSchemaError('company', 'c3', [{ path: 'id', message: 'Invalid input' }]) }],
      next: null,
    }];
    const pushed: string[] = [];
    const outcome = await runDataLoop({
      kinds: [kindOf('companies')!],
      client: { paginate: async function* () { yield* pages; }, get: async <T>() => ({}) as T },
      state,
      listContext: { importAllConversations: true },
      normalizeContext: context,
      push: async (type, items) => { pushed.push(...items.map((i) => `${type}:${i.id}`)); },
      checkpoint: async () => undefined,
      isTimeout: () => false,
    });
    expect(outcome).toBe('done');
    expect(pushed).toEqual(['companies:c1']);
    const skipped = state.report.items.companies!.skipped;
    expect(skipped.count).toBe(2);
    expect(skipped.sample.map((s) => s.id).sort()).toEqual(['c2', 'c3']);
    expect(skipped.sample.find((s) => s.id === 'c3')!.reason).toMatch(/company c3/);
    expect(state.report.items.companies!.extracted).toBe(1);
  });
});
