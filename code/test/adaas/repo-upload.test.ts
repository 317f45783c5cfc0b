import { gunzipSync } from 'zlib';
import { AirSyncDefaultItemTypes, EventType, ExtractorEventType } from '../../src/adaas';
import { EVENT_SIZE_THRESHOLD_BYTES } from '../../src/adaas/common/constants';
import { usePlatformServer } from './helpers/platform-server';
import { adapterFor, storedState, testEvent } from './helpers/adapter';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const server = usePlatformServer({ snapInVersionId: 'test-snap-in-version-id', toDevRev: { attachmentsMetadata: { artifactIds: [], lastProcessed: 0, lastProcessedAttachmentsIdsList: [] } } });

interface RawUser {
  user_id: number;
  name: string;
  created_at: number;
  updated_at: number;
}

const normalizeUser = (record: object) => {
  const r = record as RawUser;
  if (!r.name) throw new Error('user has no name');
  return {
    id: String(r.user_id),
    created_date: new Date(r.created_at * 1000).toISOString(),
    modified_date: new Date(r.updated_at * 1000).toISOString(),
    data: { name: r.name },
  };
};

function users(n: number): RawUser[] {
  return Array.from({ length: n }, (_, i) => ({ user_id: 100 + i, name: `User ${i}`, created_at: 1_700_000_000 + i * 86400, updated_at: 1_710_000_000 + i * 3600 }));
}

function artifactLines(artifactId: string): any[] {
  const file = server.uploads.get(artifactId)?.file;
  if (!file) throw new Error(`artifact ${artifactId} was not uploaded`);
  return gunzipSync(file.data).toString('utf8').split('\n').map((l) => JSON.parse(l));
}

describe('repos and artifact upload', () => {
  it('uploads gzip JSONL through upload-url → multipart `file` → confirm-upload, with the right auth', async () => {
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    adapter.initializeRepos([{ itemType: 'users', normalize: normalizeUser }]);
    expect(await adapter.getRepo('users')!.push(users(3))).toBe(true);
    expect(server.find('GET', '/internal/airdrop.artifacts.upload-url')).toHaveLength(0); // below batch size: waits for emit
    await adapter.emit(ExtractorEventType.DataExtractionDone);

    const [uploadUrl] = server.find('GET', '/internal/airdrop.artifacts.upload-url');
    expect(uploadUrl.headers.authorization).toBe('Bearer test-service-account-token');
    expect(uploadUrl.query).toEqual({ request_id: 'test-request-id', file_type: 'application/x-gzip', file_name: 'users.jsonl.gz' });

    const [post] = server.requests.filter((r) => r.path.startsWith('/file-upload-url/'));
    expect(post.headers.authorization).toBeUndefined();
    expect(post.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const upload = [...server.uploads.values()][0];
    expect(upload.fields.map((f) => f.name)).toEqual(['file']);
    expect(upload.file!.filename).toBe('users.jsonl.gz');
    expect(upload.file!.contentType).toBe('application/x-gzip');
    expect(artifactLines(upload.artifactId)).toEqual(users(3).map(normalizeUser));

    const [confirm] = server.find('POST', '/internal/airdrop.artifacts.confirm-upload');
    expect(confirm.headers.authorization).toBe('Bearer test-service-account-token');
    expect(confirm.json).toEqual({ request_id: 'test-request-id', artifact_id: upload.artifactId });

    const [cb] = server.callbacks();
    expect(cb.json.event_data.artifacts).toEqual([
      {
        id: upload.artifactId,
        item_type: 'users',
        item_count: 3,
        oldest_created_date: normalizeUser(users(3)[0]).created_date,
        newest_created_date: normalizeUser(users(3)[2]).created_date,
        oldest_modified_date: normalizeUser(users(3)[0]).modified_date,
        newest_modified_date: normalizeUser(users(3)[2]).modified_date,
      },
    ]);
    expect(cb.json.worker_metadata).toMatchObject({ item_type: 'users', oldest_created_date: normalizeUser(users(3)[0]).created_date });
  });

  it('batches at batchSize during push and uploads the remainder at emit', async () => {
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {}, { batchSize: 4 });
    adapter.initializeRepos([{ itemType: 'users', normalize: normalizeUser }]);
    await adapter.getRepo('users')!.push(users(6));
    await adapter.getRepo('users')!.push(users(4).map((u) => ({ ...u, user_id: u.user_id + 1000 })));
    expect(server.uploads.size).toBe(2);
    expect(adapter.getRepo('users')!.getItems()).toHaveLength(2);
    await adapter.emit(ExtractorEventType.DataExtractionProgress);

    const artifacts = server.callbacks()[0].json.event_data.artifacts;
    expect(artifacts.map((a: any) => a.item_count)).toEqual([4, 4, 2]);
    const ids = artifacts.flatMap((a: any) => artifactLines(a.id).map((l) => l.id));
    expect(ids).toEqual([...users(6), ...users(4).map((u) => ({ ...u, user_id: u.user_id + 1000 }))].map((u) => String(u.user_id)));
    expect(adapter.artifacts).toEqual([]); // cleared after the emit
  });

  it('concurrent pushes (the attachments phase streams 32 files at once) upload each item once and drop none', async () => {
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {}, { batchSize: 4 });
    adapter.initializeRepos([{ itemType: 'users', normalize: normalizeUser }]);
    const repo = adapter.getRepo('users')!;
    // Ten pushes of one user each, all started before any upload answers.
    const results = await Promise.all(users(10).map((u) => repo.push([u])));
    expect(results).toEqual(Array(10).fill(true));
    await adapter.emit(ExtractorEventType.DataExtractionDone);
    const artifacts = server.callbacks()[0].json.event_data.artifacts;
    const ids = artifacts.flatMap((a: any) => artifactLines(a.id).map((l) => l.id)).sort();
    expect(ids).toEqual(['100', '101', '102', '103', '104', '105', '106', '107', '108', '109']);
    expect(artifacts.map((a: any) => a.item_count)).toEqual([4, 4, 2]);
  });

  it('a record that fails to normalize is reported and skipped; the others are uploaded', async () => {
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    adapter.initializeRepos([{ itemType: 'users', normalize: normalizeUser }]);
    const batch = users(3);
    batch[1].name = '';
    await adapter.getRepo('users')!.push(batch);
    expect(adapter.getRepo('users')!.rejectedItems).toEqual([{ itemType: 'users', index: 1, id: undefined, reason: 'user has no name' }]);
    await adapter.emit(ExtractorEventType.DataExtractionDone);
    const [artifact] = server.callbacks()[0].json.event_data.artifacts;
    expect(artifactLines(artifact.id).map((l) => l.id)).toEqual(['100', '102']);
  });

  it('external_domain_metadata is never normalized and goes out as one line', async () => {
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingMetadata), {});
    adapter.initializeRepos([{ itemType: AirSyncDefaultItemTypes.EXTERNAL_DOMAIN_METADATA, normalize: () => { throw new Error('must not run'); } }]);
    const metadata = { schema_version: 'v0.2.0', record_types: { users: { fields: { name: { type: 'text' } } } } };
    await adapter.getRepo('external_domain_metadata')!.push([metadata]);
    await adapter.emit(ExtractorEventType.MetadataExtractionDone);
    const [artifact] = server.callbacks()[0].json.event_data.artifacts;
    expect(artifact).toMatchObject({ item_type: 'external_domain_metadata', item_count: 1 });
    expect(artifactLines(artifact.id)).toEqual([metadata]);
  });

  it.each([
    ['attachments artifacts are recorded in state for the attachments phase', null],
    ['a stored state without SDK fields (e.g. "{}") still records attachments artifacts', '{}'],
  ])('%s', async (_, storedInstead) => {
    if (storedInstead) server.states.set('1', storedInstead);
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    adapter.initializeRepos([{ itemType: 'attachments' }]);
    await adapter.getRepo('attachments')!.push([{ id: 'a1', url: 'http://x/a1', file_name: 'a.txt', parent_id: 'p1' }]);
    await adapter.emit(ExtractorEventType.DataExtractionDone);
    const [artifact] = server.callbacks()[0].json.event_data.artifacts;
    expect(storedState(server).toDevRev.attachmentsMetadata.artifactIds).toEqual([artifact.id]);
  });

  it('a failed upload during emit sends no event and throws (the main thread then reports *_ERROR)', async () => {
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    adapter.initializeRepos([{ itemType: 'users', normalize: normalizeUser }]);
    await adapter.getRepo('users')!.push(users(1));
    server.script('GET', '/internal/airdrop.artifacts.upload-url', { status: 403, body: { message: 'no' } });
    await expect(adapter.emit(ExtractorEventType.DataExtractionDone)).rejects.toThrow(/upload-url failed: 403/);
    expect(server.callbacks()).toHaveLength(0);
    expect(adapter.hasWorkerEmitted).toBe(true);
  });

  it('the event-size guard sets isTimeout once the artifacts in the event exceed 160000 bytes', async () => {
    server.artifactIdPadding = 'x'.repeat(4000);
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {}, { batchSize: 1 });
    adapter.initializeRepos([{ itemType: 'users', normalize: normalizeUser }]);
    let pushed = 0;
    while (!adapter.isTimeout && pushed < 100) {
      await adapter.getRepo('users')!.push(users(1));
      pushed++;
    }
    expect(adapter.isTimeout).toBe(true);
    const uploaded = adapter.getRepo('users')!.uploadedArtifacts;
    const size = uploaded.reduce((sum, a) => sum + JSON.stringify(a).length, 0);
    expect(size).toBeGreaterThan(EVENT_SIZE_THRESHOLD_BYTES);
    expect(size - JSON.stringify(uploaded[0]).length).toBeLessThanOrEqual(EVENT_SIZE_THRESHOLD_BYTES);
    expect(EVENT_SIZE_THRESHOLD_BYTES).toBe(160000);
  });

  it('uploadAllRepos lists every artifact of the invocation again on each call, as the SDK does', async () => {
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {}, { batchSize: 1 });
    adapter.initializeRepos([{ itemType: 'users', normalize: normalizeUser }]);
    await adapter.getRepo('users')!.push(users(2));
    await adapter.uploadAllRepos();
    await adapter.uploadAllRepos();
    const ids = adapter.artifacts.map((a) => a.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(2);
  });
});
