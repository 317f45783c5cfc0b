import * as path from 'path';
import { gunzipSync } from 'zlib';
import { EventType, spawn } from '../../src/adaas';
import { useSpawnHarness } from './helpers/spawn-harness';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const { server, worker, event, spawnWorker } = useSpawnHarness();

describe('spawn (worker threads)', () => {
  it('runs a .ts worker under jest: one DONE emit with the uploaded artifact, state fetched (404) and saved', async () => {
    await spawn({
      event: event(EventType.StartExtractingData, { count: '5' }),
      initialState: { cursor: '' },
      workerPath: worker('data-extraction.ts'),
      initialDomainMapping: {},
      options: { batchSize: 2 },
    });

    const callbacks = server.callbacks();
    expect(callbacks).toHaveLength(1);
    const body = callbacks[0].json;
    expect(body.event_type).toBe('DATA_EXTRACTION_DONE');
    expect(body.event_data.artifacts.map((a: any) => a.item_count)).toEqual([2, 2, 1]);
    expect(body.event_data.artifacts.every((a: any) => a.item_type === 'tasks')).toBe(true);
    // every artifact in the event was uploaded as gzip JSONL of the normalized items
    const lines = body.event_data.artifacts.flatMap((a: any) =>
      gunzipSync(server.uploads.get(a.id)!.file!.data).toString('utf8').split('\n').map((l) => JSON.parse(l)),
    );
    expect(lines.map((l: any) => l.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(lines[0]).toEqual({ id: '1', created_date: '2024-01-01T00:00:00.000Z', modified_date: '2024-06-01T00:00:00.000Z', data: { title: 'Task 1' } });

    // 404 → initial state saved at once, then the emit saves the final state
    expect(server.find('GET', '/worker_data_url.get')).toHaveLength(1);
    const updates = server.find('POST', '/worker_data_url.update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    const finalState = JSON.parse(updates[updates.length - 1].json.state);
    expect(finalState.cursor).toBe('done-5');
    expect(finalState.snapInVersionId).toBe('test-snap-in-version-id');
    expect(server.find('POST', '/internal/airdrop.recipe.initial-domain-mappings.install')).toHaveLength(1);
  });

  it('ignores a second emit in the same invocation', async () => {
    await spawnWorker('data-extraction.ts', EventType.StartExtractingData, { count: '1', emit_twice: 'true' });
    expect(server.callbacks().map((c) => c.json.event_type)).toEqual(['DATA_EXTRACTION_DONE']);
  });

  it('translates a legacy incoming type for the worker and a legacy outgoing type on the wire', async () => {
    await spawnWorker('echo-event.ts', 'EXTRACTION_DATA_START');
    const [callback] = server.callbacks();
    expect(callback.json.event_type).toBe('DATA_EXTRACTION_DONE');
    const updates = server.find('POST', '/worker_data_url.update');
    const state = JSON.parse(updates[updates.length - 1].json.state);
    expect(state.receivedType).toBe('START_EXTRACTING_DATA');
    expect(state.comparesToNew).toBe(true);
  });

  it.each([
    ['EXTRACTION_DATA_DELETE', 'EXTRACTOR_STATE_DELETION_DONE'],
    ['START_DELETING_EXTRACTOR_ATTACHMENTS_STATE', 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_DONE'],
    ['START_DELETING_LOADER_STATE', 'LOADER_STATE_DELETION_DONE'],
    ['START_DELETING_LOADER_ATTACHMENT_STATE', 'LOADER_ATTACHMENT_STATE_DELETION_DONE'],
  ])('deletion event %s without a worker is answered with %s', async (incoming, reply) => {
    await spawn({ event: event(incoming), initialState: {}, baseWorkerPath: path.join(__dirname, 'no-such-dir') });
    const callbacks = server.callbacks();
    expect(callbacks.map((c) => c.json.event_type)).toEqual([reply]);
    expect(server.find('GET', '/worker_data_url.get')).toHaveLength(0);
  });

  it('runs a .js worker and turns the ESU list into an unconfirmed artifact; ESU events are stateless', async () => {
    await spawnWorker('js-worker.js', EventType.StartExtractingExternalSyncUnits);
    const [callback] = server.callbacks();
    expect(callback.json.event_type).toBe('EXTERNAL_SYNC_UNIT_EXTRACTION_DONE');
    expect(callback.json.event_data.external_sync_units).toBeUndefined();
    const [artifact] = callback.json.event_data.artifacts;
    expect(artifact).toMatchObject({ item_type: 'external_sync_units', item_count: 1 });
    const units = gunzipSync(server.uploads.get(artifact.id)!.file!.data).toString('utf8');
    expect(JSON.parse(units)).toEqual({ id: 'ws-1', name: 'Workspace 1', description: 'the only one' });
    expect(server.find('POST', '/internal/airdrop.artifacts.confirm-upload')).toHaveLength(0);
    expect(server.find('GET', '/worker_data_url.get')).toHaveLength(0);
    expect(server.find('POST', '/worker_data_url.update')).toHaveLength(0);
  });
});
