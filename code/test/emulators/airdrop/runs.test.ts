/** The orchestrator driving a protocol-correct connector (plain HTTP): import, sync, delete, delays, resumption. */
import * as fs from 'node:fs';
import type { AirdropEmulatorInternals, AirdropEvent, RunProgress, RunResult } from '../../../src/emulators/airdrop';
import { attachmentBytes, goodConnector, type GoodConnectorOptions } from './helpers/good-connector';
import { CONNECTION, readJsonl, scripted, startEmulator, tempDir } from './helpers/setup';

const SMALL: GoodConnectorOptions = { users: 7, tickets: 5, perInvocation: 4, attachments: 5 };

function eventTypes(seen: AirdropEvent[]): string[] {
  return seen.map((e) => e.payload.event_type);
}

describe('airdrop emulator runs', () => {
  let emulator: AirdropEmulatorInternals;
  let outDir: string;

  beforeEach(async () => {
    outDir = tempDir();
    emulator = await startEmulator(outDir);
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('imports everything: phases in order, merged store, attachments, state, runs.jsonl', async () => {
    const seen: AirdropEvent[] = [];
    const progress: RunProgress[] = [];
    const result = await emulator.runImport({
      invoke: scripted(goodConnector(SMALL), seen),
      connection: CONNECTION,
      globalValues: { import_all_conversations: 'true' },
      onProgress: (p) => progress.push(p),
    });

    expect(result.error).toBeUndefined();
    expect(result.status).toBe('done');
    // 12 items at 4 per invocation = 3 data invocations; 5 files at 2 per invocation = 3 attachment invocations.
    expect(eventTypes(seen)).toEqual(['START_EXTRACTING_EXTERNAL_SYNC_UNITS', 'START_EXTRACTING_METADATA',
      'START_EXTRACTING_DATA', 'CONTINUE_EXTRACTING_DATA', 'CONTINUE_EXTRACTING_DATA',
      'START_EXTRACTING_ATTACHMENTS', 'CONTINUE_EXTRACTING_ATTACHMENTS', 'CONTINUE_EXTRACTING_ATTACHMENTS']);
    expect(result.phases.map((p) => [p.phase, p.invocations])).toEqual([
      ['external_sync_units', 1],
      ['metadata', 1],
      ['data', 3],
      ['attachments', 3],
    ]);
    expect(result.items.users).toEqual({ received: 7, new: 7, updated: 0 });
    expect(result.items.tickets).toEqual({ received: 5, new: 5, updated: 0 });
    expect(result.items.attachments).toEqual({ received: 5, new: 5, updated: 0 });
    const expectedBytes = [0, 1, 2, 3, 4].reduce((n, i) => n + attachmentBytes(i).length, 0);
    expect(result.attachments).toEqual({ received: 5, bytes: expectedBytes });
    expect(result.syncUnit).toEqual({ id: 'unit-a', name: 'Unit A' });

    expect(readJsonl(emulator.layout.itemsFile('users')).map((i) => i.id).sort()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    for (let i = 0; i < 5; i++) {
      expect(fs.readFileSync(emulator.layout.attachmentFile(`att-${i}`)).equals(attachmentBytes(i))).toBe(true);
    }
    expect(JSON.parse(fs.readFileSync(emulator.layout.stateFile, 'utf8')).attachmentsUploaded).toBe(5);
    const runs = readJsonl(emulator.layout.runsFile) as unknown as RunResult[];
    expect(runs).toHaveLength(1);
    expect(runs[0].runId).toBe(result.runId);
    expect(runs[0].status).toBe('done');
    expect(JSON.stringify(runs)).not.toContain(CONNECTION.key);

    // Every invocation carries a complete event of the real shape, one run id, fresh request ids.
    const data = seen[2];
    const ctx = data.payload.event_context;
    expect(ctx.run_id).toBe(result.runId);
    expect(new Set(seen.map((e) => e.payload.event_context.run_id)).size).toBe(1);
    expect(new Set(seen.map((e) => e.payload.event_context.request_id)).size).toBe(seen.length);
    expect(ctx.mode).toBe('INITIAL');
    expect(ctx.external_sync_unit_id).toBe('unit-a');
    expect(ctx.external_sync_unit_name).toBe('Unit A');
    for (const key of ['callback_url', 'dev_oid', 'dev_uid', 'external_system_id', 'external_system_name', 'external_system_type',
      'import_slug', 'request_id_adaas', 'snap_in_slug', 'snap_in_version_id', 'sync_unit', 'sync_unit_id', 'worker_data_url']) {
      expect(typeof ctx[key]).toBe('string');
      expect((ctx[key] as string).length).toBeGreaterThan(0);
    }
    expect(data.payload.connection_data).toEqual(CONNECTION);
    expect(data.execution_metadata.devrev_endpoint).toBe(emulator.baseUrl);
    expect(data.input_data.global_values).toEqual({ import_all_conversations: 'true' });
    expect(data.context.secrets.service_account_token).toBe(emulator.serviceAccountToken);

    // Progress after each invocation (8) and each artifact.
    expect(progress.filter((p) => p.type === 'invocation')).toHaveLength(8);
    expect(progress.filter((p) => p.type === 'artifact').length).toBeGreaterThanOrEqual(8);
    const last = progress[progress.length - 1];
    expect(last.items.users.received).toBe(7);
    expect(last.attachments.received).toBe(5);
  });

  it('sends the legacy event type strings when asked', async () => {
    const seen: AirdropEvent[] = [];
    const result = await emulator.runImport({
      invoke: scripted(goodConnector({ ...SMALL, attachments: 1 }), seen),
      connection: CONNECTION,
      legacyEventTypes: true,
    });
    expect(result.status).toBe('done');
    expect(eventTypes(seen)).toEqual(['EXTRACTION_EXTERNAL_SYNC_UNITS_START', 'EXTRACTION_METADATA_START',
      'EXTRACTION_DATA_START', 'EXTRACTION_DATA_CONTINUE', 'EXTRACTION_DATA_CONTINUE', 'EXTRACTION_ATTACHMENTS_START']);
    expect(seen[0].execution_metadata.event_type).toBe('EXTRACTION_EXTERNAL_SYNC_UNITS_START');
  });

  it('picks the requested sync unit', async () => {
    const seen: AirdropEvent[] = [];
    const units = [
      { id: 'unit-a', name: 'A', description: '' },
      { id: 'unit-b', name: 'B', description: '' },
    ];
    const result = await emulator.runImport({
      invoke: scripted(goodConnector({ ...SMALL, syncUnits: units }), seen),
      connection: CONNECTION,
      syncUnitId: 'unit-b',
    });
    expect(result.syncUnit).toEqual({ id: 'unit-b', name: 'B' });
    expect(seen[1].payload.event_context.external_sync_unit_id).toBe('unit-b');
  });

  it('waits delay × delayScale after a DELAYED reply and counts it', async () => {
    const seen: AirdropEvent[] = [];
    const started = Date.now();
    const result = await emulator.runImport({
      invoke: scripted(goodConnector({ ...SMALL, delaySeconds: 30 }), seen),
      connection: CONNECTION,
      delayScale: 0.01,
    });
    expect(result.status).toBe('done');
    const data = result.phases.find((p) => p.phase === 'data')!;
    expect(data).toMatchObject({ delays: 1, delaySeconds: 30, invocations: 4 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300); // 30 s × 0.01 were waited
    expect(eventTypes(seen).filter((t) => t === 'CONTINUE_EXTRACTING_DATA')).toHaveLength(3);
    expect(result.items.users.received).toBe(7);
  });

  it('syncs on the same sync unit with mode INCREMENTAL and workers_newest, with the stored state', async () => {
    const handler = goodConnector(SMALL);
    const imported = await emulator.runImport({ invoke: scripted(handler), connection: CONNECTION });
    expect(imported.status).toBe('done');

    const seen: AirdropEvent[] = [];
    const synced = await emulator.runSync({ invoke: scripted(handler, seen), connection: CONNECTION });
    expect(synced.error).toBeUndefined();
    expect(synced.status).toBe('done');
    expect(synced.kind).toBe('sync');
    expect(synced.runId).not.toBe(imported.runId);
    expect(eventTypes(seen)[0]).toBe('START_EXTRACTING_METADATA');
    const ctx = seen[0].payload.event_context;
    expect(ctx.mode).toBe('INCREMENTAL');
    expect(ctx.extraction_start_time).toEqual({ type: 'workers_newest' });
    expect(ctx.extraction_end_time).toEqual({ type: 'current_time' });
    expect(ctx.external_sync_unit_id).toBe('unit-a');
    // Same items again: received but neither new nor changed.
    expect(synced.items.users).toEqual({ received: 7, new: 0, updated: 0 });
    expect(JSON.parse(fs.readFileSync(emulator.layout.stateFile, 'utf8')).syncs).toBe(1);
    expect(readJsonl(emulator.layout.runsFile).map((r) => r.kind)).toEqual(['import', 'sync']);
  });

  it('refuses to sync a folder that was never imported', async () => {
    const result = await emulator.runSync({ invoke: scripted(goodConnector(SMALL)), connection: CONNECTION });
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/run an import/);
  });

  it('deletes: both deletion events in order, then the state is gone', async () => {
    const handler = goodConnector(SMALL);
    await emulator.runImport({ invoke: scripted(handler), connection: CONNECTION });
    expect(fs.existsSync(emulator.layout.stateFile)).toBe(true);
    const seen: AirdropEvent[] = [];
    const result = await emulator.runDelete({ invoke: scripted(handler, seen), connection: CONNECTION });
    expect(result.status).toBe('done');
    expect(eventTypes(seen)).toEqual(['START_DELETING_EXTRACTOR_STATE', 'START_DELETING_EXTRACTOR_ATTACHMENTS_STATE']);
    expect(fs.existsSync(emulator.layout.stateFile)).toBe(false);
    // The state endpoint answers 404 again for that sync unit.
    const probe: AirdropEvent[] = [];
    await emulator.runSync({
      invoke: scripted(async (type, client) => {
        if (type === 'START_EXTRACTING_METADATA') expect((await client.getState()).status).toBe(404);
        await client.emit('METADATA_EXTRACTION_ERROR', { error: { message: 'stop here' } });
      }, probe),
      connection: CONNECTION,
    });
    expect(probe).toHaveLength(1);
  });

  it('resumes an interrupted run with the same run id and the CONTINUE event of its phase', async () => {
    const handler = goodConnector({ users: 20, tickets: 10, perInvocation: 3, attachments: 4 });
    const first: AirdropEvent[] = [];
    const interrupted = await emulator.runImport({ invoke: scripted(handler, first), connection: CONNECTION, maxInvocations: 4 });
    expect(interrupted.status).toBe('error');
    expect(interrupted.error).toMatch(/interrupted after 4/);
    expect(first).toHaveLength(4);
    expect(readJsonl(emulator.layout.runsFile)).toHaveLength(0);
    const position = JSON.parse(fs.readFileSync(emulator.layout.platformFile, 'utf8'));
    expect(position.current).toMatchObject({ runId: interrupted.runId, kind: 'import', phase: 'data', next: 'continue' });

    // A new emulator process on the same folder (as after Ctrl-C).
    await emulator.close();
    emulator = await startEmulator(outDir);
    const second: AirdropEvent[] = [];
    const resumed = await emulator.runImport({ invoke: scripted(handler, second), connection: CONNECTION });
    expect(resumed.error).toBeUndefined();
    expect(resumed.status).toBe('done');
    expect(resumed.runId).toBe(interrupted.runId);
    expect(second[0].payload.event_type).toBe('CONTINUE_EXTRACTING_DATA');
    expect(second[0].payload.event_context.run_id).toBe(interrupted.runId);
    expect(readJsonl(emulator.layout.itemsFile('users'))).toHaveLength(20);
    expect(readJsonl(emulator.layout.itemsFile('tickets'))).toHaveLength(10);
    expect(resumed.items.users).toEqual({ received: 20, new: 20, updated: 0 });
    expect(resumed.phases.find((p) => p.phase === 'data')!.invocations).toBe(10);
    for (let i = 0; i < 4; i++) expect(fs.existsSync(emulator.layout.attachmentFile(`att-${i}`))).toBe(true);
    const runs = readJsonl(emulator.layout.runsFile);
    expect(runs).toHaveLength(1);
    expect(runs[0].runId).toBe(interrupted.runId);
  });

  it('resumes a run whose process died in the middle of an invocation: state rolled back, CONTINUE, nothing lost', async () => {
    const handler = goodConnector({ users: 9, tickets: 0, perInvocation: 3, attachments: 0 });
    let calls = 0;
    // The "process" dies during the second data invocation, after the connector saved an advanced
    // cursor but before its emit: the platform never ingests items u3..u5.
    const dying = scripted(async (type, client, event) => {
      calls++;
      if (calls === 4) {
        const state = JSON.parse((await client.getState()).data.state);
        await client.postState({ ...state, cursor: state.cursor + 3 });
        fs.copyFileSync(emulator.layout.platformFile, `${outDir}/platform.snapshot.json`);
        throw new Error('process killed');
      }
      await handler(type, client, event);
    });
    const failed = await emulator.runImport({ invoke: dying, connection: CONNECTION });
    expect(failed.status).toBe('error');
    // Put the position back as a real kill would have left it (in flight), in a new emulator process.
    await emulator.close();
    fs.copyFileSync(`${outDir}/platform.snapshot.json`, emulator.layout.platformFile);
    fs.rmSync(emulator.layout.runsFile);
    emulator = await startEmulator(outDir);

    const seen: AirdropEvent[] = [];
    const resumed = await emulator.runImport({ invoke: scripted(handler, seen), connection: CONNECTION });
    expect(resumed.status).toBe('done');
    expect(resumed.runId).toBe(failed.runId);
    expect(seen[0].payload.event_type).toBe('CONTINUE_EXTRACTING_DATA');
    expect(readJsonl(emulator.layout.itemsFile('users')).map((u) => u.id)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
  });
});
