import * as path from 'path';
import { gunzipSync } from 'zlib';
import { createMockEvent, EventType, spawn } from '../../src/adaas';
import { usePlatformServer } from './helpers/platform-server';
import { makeFiles, putAttachmentsArtifact, serveFiles, sha256, uploadedByFileName } from './helpers/attachments';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const server = usePlatformServer();

const worker = path.join(__dirname, 'workers', 'attachments-extraction.ts');

describe('attachments phase in a worker thread', () => {
  it('soft timeout mid-stream → PROGRESS at once without the file in flight; CONTINUE redoes it and the rest → DONE', async () => {
    const files = makeFiles();
    const list = serveFiles(server, files);
    server.states.set(
      '1',
      JSON.stringify({
        snapInVersionId: 'test-snap-in-version-id',
        toDevRev: { attachmentsMetadata: { artifactIds: [putAttachmentsArtifact(server, 'att-artifact', list)], lastProcessed: 0, lastProcessedAttachmentsIdsList: [] } },
      }),
    );
    const run = (type: EventType) =>
      spawn({
        event: createMockEvent(server.baseUrl, { payload: { event_type: type } }),
        initialState: {},
        workerPath: worker,
        initialDomainMapping: {},
        options: { timeout: 5000 },
      });

    await run(EventType.StartExtractingAttachments);
    await run(EventType.ContinueExtractingAttachments);

    const callbacks = server.callbacks().map((c) => c.json);
    expect(callbacks.map((c) => c.event_type)).toEqual(['ATTACHMENT_EXTRACTION_PROGRESS', 'ATTACHMENT_EXTRACTION_DONE']);
    const externals = (body: any) =>
      body.event_data.artifacts.flatMap((a: any) =>
        gunzipSync(server.uploads.get(a.id)!.file!.data).toString('utf8').split('\n').map((l) => JSON.parse(l).id.external),
      );
    expect(externals(callbacks[0])).toEqual(['att-1']);
    expect(externals(callbacks[1])).toEqual(['att-2', 'att-3']);
    const uploaded = uploadedByFileName(server);
    expect([...uploaded.keys()].sort()).toEqual(['att-1.bin', 'att-2.bin', 'att-3.bin']);
    for (const f of files) expect(sha256(uploaded.get(`${f.id}.bin`)!)).toBe(sha256(f.bytes));
  });

  it('secrets in a crashing worker’s error are redacted in the emitted *_ERROR', async () => {
    await spawn({
      event: createMockEvent(server.baseUrl, {
        payload: { event_type: EventType.ContinueExtractingData, connection_data: { key: 'intercom-secret-token' } },
        input_data: { global_values: { crash: 'leak' } },
        context: { secrets: { service_account_token: 'sa-secret-token' } },
      }),
      initialState: {},
      workerPath: path.join(__dirname, 'workers', 'crash.ts'),
      initialDomainMapping: {},
    });
    const [cb] = server.callbacks();
    expect(cb.json.event_data.error.message).toBe(
      'Worker exited without emitting event. Error: request with [REDACTED] / [REDACTED] refused',
    );
    expect(cb.body.toString()).not.toMatch(/secret-token/);
  });
});
