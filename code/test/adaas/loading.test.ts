import { gzipSync } from 'zlib';
import { EventType, LoaderEventType } from '../../src/adaas';
import type { ExternalSystemItem } from '../../src/adaas';
import type { ExternalSystemLoadingFunction } from '../../src/adaas/types/loading';
import { usePlatformServer } from './helpers/platform-server';
import { adapterFor, storedState, testEvent } from './helpers/adapter';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const server = usePlatformServer({ snapInVersionId: 'test-snap-in-version-id', fromDevRev: { filesToLoad: [] } });

const gzJsonl = (rows: object[]) => gzipSync(Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')));
const item = (n: number, title: string): ExternalSystemItem => ({
  id: { devrev: `don:core:dvrv-us-1:devo/0:issue/${n}` },
  created_date: '2025-01-01T00:00:00.000Z',
  modified_date: '2025-01-02T00:00:00.000Z',
  data: { title },
});

function loadingEvent(type: EventType) {
  return testEvent(server, type, { payload: { event_context: { mode: 'LOADING' }, event_data: { stats_file: 'stats-1' } } });
}

function seedFiles() {
  // The stats file is plain JSONL; transformer files are gzip JSONL. `comments` is not supported here.
  server.putArtifact(
    'stats-1',
    Buffer.from(
      [
        { id: 'file-comments', item_type: 'comments', file_name: 'comments.jsonl.gz', count: '1' },
        { id: 'file-tasks', item_type: 'tasks', file_name: 'tasks.jsonl.gz', count: '3' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    ),
  );
  server.putArtifact('file-tasks', gzJsonl([item(1, 'new one'), item(2, 'existing'), item(3, 'broken')]));
  server.mapperRecords.push({ id: 'smr-existing', external_ids: ['ext-2'], targets: ['don:core:dvrv-us-1:devo/0:issue/2'], status: 'operational' });
}

describe('loadItemTypes', () => {
  it('creates unknown records, updates mapped ones, reports failures, and sends the reports', async () => {
    seedFiles();
    const created: string[] = [];
    const create: ExternalSystemLoadingFunction<ExternalSystemItem> = async ({ item: it }) => {
      if (it.data.title === 'broken') return { error: 'title rejected by the external system' };
      created.push(it.data.title);
      return { id: `ext-new-${created.length}`, modifiedDate: '2025-02-02T00:00:00.000Z' };
    };
    const updated: string[] = [];
    const update: ExternalSystemLoadingFunction<ExternalSystemItem> = async ({ item: it }) => {
      updated.push(it.data.title);
      return { id: 'ext-2' };
    };
    const adapter = await adapterFor(loadingEvent(EventType.StartLoadingData), {});
    const result = await adapter.loadItemTypes({ itemTypesToLoad: [{ itemType: 'tasks', create, update }] });

    expect(created).toEqual(['new one']);
    expect(updated).toEqual(['existing']);
    expect(result).toEqual({ reports: [{ item_type: 'tasks', created: 1, updated: 1, failed: 1 }], processed_files: ['file-tasks'] });

    const lookups = server.find('GET', '/internal/airdrop.sync-mapper-record.get-by-target');
    expect(lookups[0].query).toEqual({ sync_unit: adapter.event.payload.event_context.sync_unit, target: 'don:core:dvrv-us-1:devo/0:issue/1' });
    expect(lookups[0].headers.authorization).toBe('test-service-account-token');
    const [createReq] = server.find('POST', '/internal/airdrop.sync-mapper-record.create');
    expect(createReq.json).toEqual({
      sync_unit: adapter.event.payload.event_context.sync_unit,
      status: 'operational',
      external_ids: ['ext-new-1'],
      targets: ['don:core:dvrv-us-1:devo/0:issue/1'],
      external_versions: [{ modified_date: '2025-02-02T00:00:00.000Z', recipe_version: 0 }],
    });
    const [updateReq] = server.find('POST', '/internal/airdrop.sync-mapper-record.update');
    expect(updateReq.json).toEqual({
      id: 'smr-existing',
      sync_unit: adapter.event.payload.event_context.sync_unit,
      status: 'operational',
      external_ids: { add: ['ext-2'] },
      targets: { add: ['don:core:dvrv-us-1:devo/0:issue/2'] },
    });

    await adapter.emit(LoaderEventType.DataLoadingDone);
    const [cb] = server.callbacks();
    expect(cb.json.event_type).toBe('DATA_LOADING_DONE');
    expect(cb.json.event_data).toEqual(result);
    expect(storedState(server).fromDevRev.filesToLoad).toEqual([
      { id: 'file-tasks', file_name: 'tasks.jsonl.gz', itemType: 'tasks', count: 3, lineToProcess: 3, completed: true },
    ]);
  });

  it('a delay emits DATA_LOADING_DELAYED and CONTINUE resumes at the delayed line', async () => {
    seedFiles();
    let delayOnce = true;
    const seen: string[] = [];
    const create: ExternalSystemLoadingFunction<ExternalSystemItem> = async ({ item: it }) => {
      if (it.data.title === 'broken' && delayOnce) {
        delayOnce = false;
        return { delay: 12 };
      }
      seen.push(it.data.title);
      return { id: `ext-${it.data.title}` };
    };
    const update: ExternalSystemLoadingFunction<ExternalSystemItem> = async ({ item: it }) => (seen.push(it.data.title), { id: 'ext-2' });

    const first = await adapterFor(loadingEvent(EventType.StartLoadingData), {});
    await first.loadItemTypes({ itemTypesToLoad: [{ itemType: 'tasks', create, update }] });
    expect(server.callbacks()[0].json.event_type).toBe('DATA_LOADING_DELAYED');
    expect(server.callbacks()[0].json.event_data.delay).toBe(12);
    expect(storedState(server).fromDevRev.filesToLoad[0]).toMatchObject({ lineToProcess: 2, completed: false });

    const second = await adapterFor(loadingEvent(EventType.ContinueLoadingData), {});
    const result = await second.loadItemTypes({ itemTypesToLoad: [{ itemType: 'tasks', create, update }] });
    expect(seen).toEqual(['new one', 'existing', 'broken']);
    expect(result.processed_files).toEqual(['file-tasks']);
  });
});

describe('loadAttachments', () => {
  it('creates attachments from the attachment files and maps their reference ids', async () => {
    server.putArtifact('stats-1', Buffer.from(JSON.stringify({ id: 'file-att', item_type: 'attachment', file_name: 'attachment.jsonl.gz', count: '1' })));
    server.putArtifact(
      'file-att',
      gzJsonl([{ reference_id: 'don:core:dvrv-us-1:devo/0:artifact/5', parent_type: 'issue', parent_reference_id: 'x', file_name: 'a.png', file_type: 'image/png', file_size: 10, url: 'http://127.0.0.1/a', valid_until: '', created_by_id: 'u', created_date: '', modified_by_id: 'u', modified_date: '' }]),
    );
    const adapter = await adapterFor(loadingEvent(EventType.StartLoadingAttachments), {});
    const result = await adapter.loadAttachments({ create: async ({ item: a }) => ({ id: `ext-${a.file_name}` }) });
    expect(result).toEqual({ reports: [{ item_type: 'attachments', created: 1 }], processed_files: ['file-att'] });
    expect(server.find('POST', '/internal/airdrop.sync-mapper-record.create')[0].json).toMatchObject({
      external_ids: ['ext-a.png'],
      targets: ['don:core:dvrv-us-1:devo/0:artifact/5'],
    });
  });
});
