/**
 * THE end-to-end test: a connector built on our SDK-compatible layer (worker threads, soft timeouts,
 * repos, attachment streaming) against the platform emulator over real HTTP. Many invocations, one
 * DELAY, and at the end exactly N items and M attachments: nothing lost, nothing twice.
 */
import * as fs from 'node:fs';
import type { AirdropEmulatorInternals, SnapInFunction } from '../../../src/emulators/airdrop';
import { testConnector } from './connector';
import { toGlobalValues, type TestConnectorConfig } from './connector/config';
import { expectCompleteStore, SOFT_TIMEOUT_MS, startFileServer } from './helpers/e2e';
import { CONNECTION, startEmulator, tempDir } from './helpers/setup';

describe('airdrop emulator end to end with the SDK-compatible layer', () => {
  let emulator: AirdropEmulatorInternals;
  let files: Awaited<ReturnType<typeof startFileServer>>;
  const invoke = testConnector({ timeoutMs: SOFT_TIMEOUT_MS, batchSize: 25 }) as SnapInFunction;

  beforeAll(async () => {
    emulator = await startEmulator(tempDir('airdrop-e2e-'));
    files = await startFileServer();
  });
  afterAll(async () => {
    await emulator.close();
    await files.close();
  });

  it('imports N items and M attachments across many invocations with one DELAY', async () => {
    // 450 items at 10 ms each; the DELAY comes after 0.5 s of work, and the 4 s left exceed what one
    // invocation can do (4 s soft timeout minus the worker's start-up). 14 files at 300 ms each = 4.2 s:
    // the attachments phase needs at least two invocations too.
    const config: TestConnectorConfig = { items: 450, attachments: 14, filesUrl: files.url, itemCostMs: 10, delayAt: 50, delaySeconds: 5 };
    const { items: N, attachments: M } = config;
    const result = await emulator.runImport({ invoke, connection: CONNECTION, globalValues: toGlobalValues(config), delayScale: 0.01 });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('done');
    expect(result.syncUnit).toEqual({ id: 'workspace-main', name: 'Main workspace' });

    const data = result.phases.find((p) => p.phase === 'data')!;
    const attachments = result.phases.find((p) => p.phase === 'attachments')!;
    expect(data.delays).toBe(1);
    expect(data.delaySeconds).toBe(5);
    expect(data.invocations).toBeGreaterThanOrEqual(3); // the DELAY, ≥1 PROGRESS, the DONE
    expect(attachments.invocations).toBeGreaterThanOrEqual(2);

    // Nothing twice: every item and attachment arrived exactly once.
    expect(result.items.tickets).toEqual({ received: N, new: N, updated: 0 });
    expect(result.items.attachments).toEqual({ received: M, new: M, updated: 0 });
    expect(result.attachments.received).toBe(M);
    // A file still downloading at a soft timeout is redone by the next invocation (as the SDK does).
    expect(files.requests()).toBeGreaterThanOrEqual(M);
    expect(files.requests()).toBeLessThanOrEqual(M + attachments.invocations - 1);
    expectCompleteStore(emulator, config, result);

    // The SDK layer installed the initial domain mapping and kept its state on the platform.
    const idm = JSON.parse(fs.readFileSync(emulator.layout.initialDomainMappingFile, 'utf8'));
    expect(idm).toMatchObject({ external_system_type: 'ADaaS', import_slug: 'airdrop-intercom', record_type_mappings: { tickets: {} } });
    const state = JSON.parse(fs.readFileSync(emulator.layout.stateFile, 'utf8'));
    expect(state).toMatchObject({ cursor: N, delayed: true, attachmentsListed: true });
    expect(state.workersNewest).not.toBe('');
  });
});
