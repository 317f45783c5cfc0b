import { gunzipSync } from 'zlib';
import { EventType, ExtractorEventType } from '../../src/adaas';
import type { NormalizedAttachment } from '../../src/adaas';
import { usePlatformServer } from './helpers/platform-server';
import { adapterFor, storedState, testEvent } from './helpers/adapter';
import { makeFiles, putAttachmentsArtifact, serveFiles, sha256, streamFromUrl, uploadedByFileName } from './helpers/attachments';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const server = usePlatformServer();

function seedAttachmentsState(artifactIds: string[]) {
  server.states.set(
    '1',
    JSON.stringify({
      snapInVersionId: 'test-snap-in-version-id',
      toDevRev: { attachmentsMetadata: { artifactIds, lastProcessed: 0, lastProcessedAttachmentsIdsList: [] } },
    }),
  );
}

function ssorItems(callbackBody: any): any[] {
  return callbackBody.event_data.artifacts
    .filter((a: any) => a.item_type === 'ssor_attachment')
    .flatMap((a: any) => gunzipSync(server.uploads.get(a.id)!.file!.data).toString('utf8').split('\n').map((l) => JSON.parse(l)));
}

describe('streamAttachments', () => {
  it('streams every attachment intact, confirms it, and pushes ssor_attachment items', async () => {
    const files = makeFiles();
    const list = serveFiles(server, files);
    seedAttachmentsState([putAttachmentsArtifact(server, 'attachments-artifact-1', list)]);
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});

    const result = await adapter.streamAttachments({ stream: streamFromUrl, batchSize: 2 });
    expect(result).toBeUndefined();
    await adapter.emit(ExtractorEventType.AttachmentExtractionDone);

    const uploaded = uploadedByFileName(server);
    for (const f of files) expect(sha256(uploaded.get(`${f.id}.bin`)!)).toBe(sha256(f.bytes));

    const urlRequests = server.find('GET', '/internal/airdrop.artifacts.upload-url').filter((r) => r.query.file_name.endsWith('.bin'));
    const byName = new Map(urlRequests.map((r) => [r.query.file_name, r.query]));
    for (const f of files) {
      expect(byName.get(`${f.id}.bin`)).toEqual({ request_id: 'test-request-id', file_name: `${f.id}.bin`, file_type: f.contentType, file_size: String(f.bytes.length) });
    }
    const attachmentArtifactIds = [...server.uploads.values()].filter((u) => u.file?.filename?.endsWith('.bin')).map((u) => u.artifactId);
    const confirmed = server.find('POST', '/internal/airdrop.artifacts.confirm-upload').map((r) => r.json.artifact_id);
    for (const id of attachmentArtifactIds) expect(confirmed).toContain(id);

    const [cb] = server.callbacks();
    expect(cb.json.event_type).toBe('ATTACHMENT_EXTRACTION_DONE');
    const ssor = ssorItems(cb.json).sort((a, b) => a.id.external.localeCompare(b.id.external));
    const artifactOf = (name: string) => [...server.uploads.values()].find((u) => u.file?.filename === name)!.artifactId;
    expect(ssor).toEqual([
      { id: { devrev: artifactOf('att-1.bin'), external: 'att-1' }, parent_id: { external: 'conv-0' }, actor_id: { external: 'admin-0' }, inline: true },
      { id: { devrev: artifactOf('att-2.bin'), external: 'att-2' }, parent_id: { external: 'conv-1' }, actor_id: { external: 'admin-1' } },
      { id: { devrev: artifactOf('att-3.bin'), external: 'att-3' }, parent_id: { external: 'conv-2' }, actor_id: { external: 'admin-2' } },
    ]);
    expect(storedState(server).toDevRev.attachmentsMetadata).toEqual({ artifactIds: [], lastProcessed: 0, lastProcessedAttachmentsIdsList: [] });
  });

  it('pipes the download into the upload without holding the whole file', async () => {
    const half = Buffer.alloc(2 * 1024 * 1024, 7);
    const rest = Buffer.alloc(2 * 1024 * 1024, 9);
    let uploadStartedBeforeSourceEnded = false;
    server.route('GET', '/ext/big', async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(half.length + rest.length) });
      res.write(half);
      // Hold back the second half until the platform has received part of the file: a layer that
      // buffered the whole download first would never get here (and this waits at most 10 s).
      const deadline = Date.now() + 10_000;
      while (server.uploadBytesReceived < 512 * 1024 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      uploadStartedBeforeSourceEnded = server.uploadBytesReceived >= 512 * 1024;
      res.end(rest);
    });
    const list: NormalizedAttachment[] = [{ id: 'big', url: `${server.baseUrl}/ext/big`, file_name: 'big.bin', parent_id: 'conv-9' }];
    seedAttachmentsState([putAttachmentsArtifact(server, 'attachments-artifact-1', list)]);
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});
    expect(await adapter.streamAttachments({ stream: streamFromUrl })).toBeUndefined();
    expect(uploadStartedBeforeSourceEnded).toBe(true);
    expect(sha256(uploadedByFileName(server).get('big.bin')!)).toBe(sha256(Buffer.concat([half, rest])));
  });

  it('a stream error (returned or thrown) is recorded as failed and skipped; the others go through', async () => {
    const files = makeFiles();
    const list = serveFiles(server, files);
    seedAttachmentsState([putAttachmentsArtifact(server, 'attachments-artifact-1', list)]);
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});
    let processedBeforeLast: unknown;
    const result = await adapter.streamAttachments({
      stream: async (params) => {
        if (params.item.id === 'att-1') return { error: { message: 'HTTP 404 from the external system', statusCode: 404 } };
        if (params.item.id === 'att-3') {
          processedBeforeLast = structuredClone((adapter.state as any).toDevRev.attachmentsMetadata.lastProcessedAttachmentsIdsList);
          throw new Error('socket hang up');
        }
        return streamFromUrl(params);
      },
    });
    expect(processedBeforeLast).toEqual([
      { id: 'att-1', parent_id: 'conv-0', status: 'failed' },
      { id: 'att-2', parent_id: 'conv-1', status: 'success' },
    ]);
    expect(result).toBeUndefined();
    expect([...uploadedByFileName(server).keys()]).toEqual(['att-2.bin']);
    await adapter.emit(ExtractorEventType.AttachmentExtractionDone);
    expect(ssorItems(server.callbacks()[0].json).map((s) => s.id.external)).toEqual(['att-2']);
  });

  it('a delay stops the phase and is returned; the next invocation resumes without re-uploading', async () => {
    const files = makeFiles();
    const list = serveFiles(server, files);
    seedAttachmentsState([putAttachmentsArtifact(server, 'attachments-artifact-1', list)]);
    const first = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});
    const result = await first.streamAttachments({
      stream: async (params) => (params.item.id === 'att-2' ? { delay: 7 } : streamFromUrl(params)),
    });
    expect(result).toEqual({ delay: 7 });
    await first.emit(ExtractorEventType.AttachmentExtractionDelayed, { delay: result!.delay });
    expect(server.callbacks()[0].json.event_data.delay).toBe(7);
    expect(storedState(server).toDevRev.attachmentsMetadata.lastProcessedAttachmentsIdsList).toEqual([
      { id: 'att-1', parent_id: 'conv-0', status: 'success' },
    ]);

    const second = await adapterFor(testEvent(server, EventType.ContinueExtractingAttachments), {});
    expect(await second.streamAttachments({ stream: streamFromUrl })).toBeUndefined();
    await second.emit(ExtractorEventType.AttachmentExtractionDone);
    const uploadsPerFile = [...server.uploads.values()].filter((u) => u.file?.filename?.endsWith('.bin')).map((u) => u.file!.filename).sort();
    expect(uploadsPerFile).toEqual(['att-1.bin', 'att-2.bin', 'att-3.bin']);
    expect(ssorItems(server.callbacks()[1].json).map((s) => s.id.external).sort()).toEqual(['att-2', 'att-3']);
  });

  it('a timeout mid-artifact emits PROGRESS at once with the finished ids; CONTINUE redoes the file in flight', async () => {
    const files = makeFiles();
    const list = serveFiles(server, files);
    seedAttachmentsState([putAttachmentsArtifact(server, 'attachments-artifact-1', list)]);
    const first = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});
    await first.streamAttachments({
      stream: async (params) => {
        if (params.item.id === 'att-2') first.isTimeout = true; // the soft timeout arrives while att-2 streams
        return streamFromUrl(params);
      },
    });
    expect(first.hasWorkerEmitted).toBe(true);
    const [progress] = server.callbacks();
    expect(progress.json.event_type).toBe('ATTACHMENT_EXTRACTION_PROGRESS');
    expect(ssorItems(progress.json).map((s) => s.id.external)).toEqual(['att-1']);
    expect(storedState(server).toDevRev.attachmentsMetadata).toMatchObject({
      artifactIds: ['attachments-artifact-1'],
      lastProcessedAttachmentsIdsList: [{ id: 'att-1', parent_id: 'conv-0', status: 'success' }],
    });

    const streamed: string[] = [];
    const second = await adapterFor(testEvent(server, EventType.ContinueExtractingAttachments), {});
    await second.streamAttachments({ stream: async (p) => (streamed.push(p.item.id), streamFromUrl(p)) });
    await second.emit(ExtractorEventType.AttachmentExtractionDone);
    expect(streamed).toEqual(['att-2', 'att-3']);
    expect(ssorItems(server.callbacks()[1].json).map((s) => s.id.external)).toEqual(['att-2', 'att-3']);
    expect(storedState(server).toDevRev.attachmentsMetadata.artifactIds).toEqual([]);
  });

  it('a source that dies mid-download fails only that attachment', async () => {
    const files = makeFiles().slice(1);
    const list = serveFiles(server, files);
    server.route('GET', '/ext/dies', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100000' });
      res.write(Buffer.alloc(1000, 1));
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const dying: NormalizedAttachment = { id: 'dies', url: `${server.baseUrl}/ext/dies`, file_name: 'dies.bin', parent_id: 'p' };
    seedAttachmentsState([putAttachmentsArtifact(server, 'attachments-artifact-1', [dying, ...list])]);
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});
    let processedBeforeLast: any[] = [];
    const result = await adapter.streamAttachments({
      stream: async (p) => {
        if (p.item.id === 'att-3') processedBeforeLast = structuredClone((adapter.state as any).toDevRev.attachmentsMetadata.lastProcessedAttachmentsIdsList);
        return streamFromUrl(p);
      },
    });
    expect(result).toBeUndefined();
    expect(processedBeforeLast[0]).toEqual({ id: 'dies', parent_id: 'p', status: 'failed' });
    expect([...uploadedByFileName(server).keys()].sort()).toEqual(['att-2.bin', 'att-3.bin']);
    await adapter.emit(ExtractorEventType.AttachmentExtractionDone);
    expect(ssorItems(server.callbacks()[0].json).map((s) => s.id.external)).toEqual(['att-2', 'att-3']);
  });

  it('streams a download without content-length (no file_size sent)', async () => {
    const bytes = Buffer.from('chunked body '.repeat(5000));
    server.route('GET', '/ext/chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write(bytes.subarray(0, 1000));
      res.end(bytes.subarray(1000));
    });
    const list: NormalizedAttachment[] = [{ id: 'c1', url: `${server.baseUrl}/ext/chunked`, file_name: 'c1.txt', parent_id: 'p', content_type: 'text/markdown' }];
    seedAttachmentsState([putAttachmentsArtifact(server, 'attachments-artifact-1', list)]);
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});
    expect(await adapter.streamAttachments({ stream: streamFromUrl })).toBeUndefined();
    const [req] = server.find('GET', '/internal/airdrop.artifacts.upload-url');
    expect(req.query).toEqual({ request_id: 'test-request-id', file_name: 'c1.txt', file_type: 'text/markdown' });
    expect(uploadedByFileName(server).get('c1.txt')!.equals(bytes)).toBe(true);
  });

  it('custom processors: the reducer batches, the iterator streams through adapter.processAttachment', async () => {
    const files = makeFiles();
    const list = serveFiles(server, files);
    seedAttachmentsState([putAttachmentsArtifact(server, 'attachments-artifact-1', list)]);
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});
    const batchesSeen: string[][] = [];
    const result = await adapter.streamAttachments<NormalizedAttachment[][]>({
      batchSize: 2,
      processors: {
        reducer: ({ attachments, batchSize }) => {
          const out: NormalizedAttachment[][] = [];
          for (let i = 0; i < attachments.length; i += batchSize!) out.push(attachments.slice(i, i + batchSize!));
          return out;
        },
        iterator: async ({ reducedAttachments, stream }) => {
          for (const batch of reducedAttachments) {
            batchesSeen.push(batch.map((a) => a.id));
            await Promise.all(batch.map((a) => adapter.processAttachment(a, stream)));
          }
          return undefined;
        },
      },
      stream: streamFromUrl,
    });
    expect(result).toBeUndefined();
    expect(batchesSeen).toEqual([['att-1', 'att-2'], ['att-3']]);
    await adapter.emit(ExtractorEventType.AttachmentExtractionDone);
    expect(ssorItems(server.callbacks()[0].json).map((s) => s.id.external).sort()).toEqual(['att-1', 'att-2', 'att-3']);
    expect(storedState(server).toDevRev.attachmentsMetadata.artifactIds).toEqual([]);
  });

  it('walks several attachments artifacts front first', async () => {
    const files = makeFiles();
    const list = serveFiles(server, files);
    seedAttachmentsState([
      putAttachmentsArtifact(server, 'attachments-a', list.slice(0, 1)),
      putAttachmentsArtifact(server, 'attachments-b', list.slice(1)),
    ]);
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingAttachments), {});
    const order: string[] = [];
    await adapter.streamAttachments({ stream: async (p) => (order.push(p.item.id), streamFromUrl(p)) });
    expect(order).toEqual(['att-1', 'att-2', 'att-3']);
    expect(server.find('GET', '/internal/airdrop.artifacts.download-url').map((r) => r.query.artifact_id)).toEqual(['attachments-a', 'attachments-b']);
  });
});
