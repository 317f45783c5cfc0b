/**
 * Drives the real data loop with the real Intercom client against the Intercom emulator, one
 * "invocation" at a time, with the state round-tripped through JSON in between as the platform
 * does. Pushed items land in memory; every push is logged so tests can see repeats.
 */
import { IntercomClient } from '../../src/intercom';
import { KINDS } from '../../src/kinds';
import { runDataLoop, type LoopOutcome } from '../../src/extraction/data-loop';
import type { IdSetStore } from '../../src/extraction/id-set-store';
import { newestStamp, readRunContext, readWorkspaceAndClock, runStartTime } from '../../src/extraction/run-context';
import { beginRun, completeRun, initialConnectorState, loadConnectorState, type ConnectorState } from '../../src/extraction/state';
import { windowStartFor } from '../../src/extraction/window';
import type { IntercomEmulator } from '../../src/emulators/intercom';

export interface Pushed { itemType: string; id: string; modified: string }

export interface InvocationHooks {
  /** Called after each push; return true to make the loop stop at its next check (a timeout). */
  afterPush?: (pushed: Pushed, count: number) => boolean | void;
  /** Throw from a push to simulate a crash mid-object (nothing after the last checkpoint survives). */
  failPush?: (pushed: Pushed, count: number) => boolean;
  /** Asked at each of the loop's checks: true makes it stop there (a timeout), e.g. on an emulator event. */
  stopWhen?: () => boolean;
}

export class LoopHarness {
  stored: ConnectorState = initialConnectorState();
  /** Items made durable (checkpointed), by item type and id. */
  durable = new Map<string, Map<string, Pushed>>();
  /** Every push ever made, durable or not. */
  log: Pushed[] = [];
  invocations = 0;
  /** Pages of a sync's id listing (contacts), when a test wants fewer than the snap-in's own limit. */
  idPassPagesPerSync?: number;
  /** Where large id sets are spilled (the platform's artifacts in the snap-in); none: they stay in the state, capped. */
  idSetStore?: IdSetStore;

  /** `intercom`: the emulator, or a proxy in front of it (its base URL, the emulator's token). */
  constructor(private readonly intercom: Pick<IntercomEmulator, 'baseUrl' | 'token'>, private readonly importAll = true) {}

  client(): IntercomClient {
    return new IntercomClient({ token: this.intercom.token, baseUrl: this.intercom.baseUrl, local: true, localFileHosts: [new URL(this.intercom.baseUrl).host], backoff: { baseMs: 10, capMs: 50 } });
  }

  /** Starts a run as the data worker does (full or incremental by the bookmark). */
  async begin(incremental: boolean): Promise<ConnectorState> {
    const client = this.client();
    const { workspace, serverNow } = await readWorkspaceAndClock(client);
    const startedAt = runStartTime(serverNow, await newestStamp(client));
    const options = { importAllConversations: this.importAll, contactReferenceField: '', region: 'us' as const };
    const context = { ...(await readRunContext(client, workspace, options, [])), observedAt: new Date(startedAt * 1000).toISOString() };
    const state = loadConnectorState(JSON.parse(JSON.stringify({ intercom: this.stored })));
    this.stored = beginRun(state, {
      startedAt,
      windowStart: incremental && state.bookmark !== null ? windowStartFor(state.bookmark) : null,
      options: { importAllConversations: this.importAll, contactReferenceField: '', region: 'us' },
      context,
    });
    return this.stored;
  }

  /** One invocation: resumes from the stored state; returns how it ended. Throws if a push failed. */
  async invoke(hooks: InvocationHooks = {}): Promise<LoopOutcome> {
    this.invocations += 1;
    const state = loadConnectorState(JSON.parse(JSON.stringify({ intercom: this.stored })));
    const client = this.client();
    const pending: Pushed[] = [];
    let stop = false;
    let count = 0;
    const outcome = await runDataLoop({
      kinds: KINDS,
      client: { paginate: (spec, from) => client.paginate(spec, from as never), get: (path, o) => client.get(path, o) },
      state,
      listContext: { importAllConversations: this.importAll },
      normalizeContext: state.run!.context,
      push: async (itemType, items) => {
        for (const item of items) {
          const pushed = { itemType, id: item.id, modified: 'modified_date' in item ? String(item.modified_date) : '' };
          count += 1;
          if (hooks.failPush?.(pushed, count)) throw new Error(`simulated crash while pushing ${itemType} ${item.id}`);
          pending.push(pushed);
          this.log.push(pushed);
          if (hooks.afterPush?.(pushed, count)) stop = true;
        }
      },
      checkpoint: async () => {
        for (const p of pending.splice(0)) {
          const byId = this.durable.get(p.itemType) ?? new Map<string, Pushed>();
          byId.set(p.id, p);
          this.durable.set(p.itemType, byId);
        }
        this.stored = JSON.parse(JSON.stringify(state));
      },
      isTimeout: () => stop || hooks.stopWhen?.() === true,
      ...(this.idPassPagesPerSync !== undefined && { idPassPagesPerSync: this.idPassPagesPerSync }),
      ...(this.idSetStore && { idSetStore: this.idSetStore }),
    });
    return outcome;
  }

  /** Invokes until the data phase is done, then completes the run (as the attachments phase does). */
  async runToEnd(hooksFor: (invocation: number) => InvocationHooks = () => ({}), maxInvocations = 500): Promise<void> {
    for (let i = 0; i < maxInvocations; i++) {
      if ((await this.invoke(hooksFor(this.invocations + 1))) === 'done') {
        this.stored = completeRun(this.stored);
        return;
      }
    }
    throw new Error('the data phase did not finish');
  }

  ids(itemType: string): string[] {
    return [...(this.durable.get(itemType)?.keys() ?? [])].sort();
  }

  clearDurable(): void {
    this.durable.clear();
    this.log = [];
  }
}
