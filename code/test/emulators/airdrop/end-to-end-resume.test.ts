/**
 * End to end with the SDK-compatible layer, part 2: an import stopped by `maxInvocations` resumes in a
 * new emulator process on the same folder and completes; then an incremental sync runs on its state.
 */
import type { AirdropEmulatorInternals, SnapInFunction } from '../../../src/emulators/airdrop';
import { testConnector } from './connector';
import { toGlobalValues, type TestConnectorConfig } from './connector/config';
import { expectCompleteStore, SOFT_TIMEOUT_MS, startFileServer } from './helpers/e2e';
import { CONNECTION, readJsonl, startEmulator, tempDir } from './helpers/setup';

describe('airdrop emulator end to end: resumption and sync', () => {
  let emulator: AirdropEmulatorInternals;
  let files: Awaited<ReturnType<typeof startFileServer>>;
  const invoke = testConnector({ timeoutMs: SOFT_TIMEOUT_MS, batchSize: 25 }) as SnapInFunction;

  beforeAll(async () => {
    files = await startFileServer();
  });
  afterAll(async () => {
    await emulator.close();
    await files.close();
  });

  it('resumes an import stopped by maxInvocations, ends with the complete store, then syncs', async () => {
    const outDir = tempDir('airdrop-e2e-resume-');
    emulator = await startEmulator(outDir);
    const config: TestConnectorConfig = { items: 200, attachments: 3, filesUrl: files.url, itemCostMs: 10, delayAt: 50, delaySeconds: 5 };
    const N = config.items;
    const run = { invoke, connection: CONNECTION, globalValues: toGlobalValues(config), delayScale: 0.01 };

    // ESU, metadata, and the first data invocation (which replies DELAYED after 50 items).
    const stopped = await emulator.runImport({ ...run, maxInvocations: 3 });
    expect(stopped.status).toBe('error');
    expect(stopped.error).toMatch(/interrupted after 3 invocation/);
    expect(readJsonl(emulator.layout.itemsFile('tickets')).length).toBeLessThan(N);

    await emulator.close();
    emulator = await startEmulator(outDir);
    const resumed = await emulator.runImport(run);
    expect(resumed.error).toBeUndefined();
    expect(resumed.status).toBe('done');
    expect(resumed.runId).toBe(stopped.runId);
    expect(resumed.items.tickets).toEqual({ received: N, new: N, updated: 0 });
    expectCompleteStore(emulator, config, resumed);
    expect(readJsonl(emulator.layout.runsFile)).toHaveLength(1);

    // An incremental sync afterwards: the state says everything is extracted, so nothing new arrives.
    const sync = await emulator.runSync(run);
    expect(sync.error).toBeUndefined();
    expect(sync.status).toBe('done');
    expect(sync.items.tickets).toBeUndefined();
    expect(readJsonl(emulator.layout.itemsFile('tickets'))).toHaveLength(N);
    expect(readJsonl(emulator.layout.runsFile).map((r) => r.kind)).toEqual(['import', 'sync']);
  });
});
