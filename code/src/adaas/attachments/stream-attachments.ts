import type { Readable } from 'stream';
import type {
  ExternalSystemAttachmentIteratorFunction,
  ExternalSystemAttachmentReducerFunction,
  ExternalSystemAttachmentStreamingFunction,
  SsorAttachment,
  StreamAttachmentsResponse,
} from '../types/attachments';
import type { NormalizedAttachment } from '../types/extraction';
import { AirSyncDefaultItemTypes, ExtractorEventType } from '../types/extraction';
import type { ExtractionSdkState, ProcessedAttachment } from '../types/state';
import { MAX_ATTACHMENT_CONCURRENCY, MIN_ATTACHMENT_CONCURRENCY } from '../common/constants';
import { errorMessage } from '../common/errors';
import { logger } from '../common/logger';
import { confirmUpload, downloadArtifactItems, getUploadUrl, postFileStream } from '../uploader/uploader';
import type { WorkerAdapter } from '../workers/worker-adapter';
import { exitWorkerThread } from '../workers/worker-messages';
import { ensureAttachmentsMetadata } from '../state/sdk-state';

type AttachmentsMetadata = ExtractionSdkState['toDevRev']['attachmentsMetadata'];

function headerNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Outcome of one attachment: done (success or recorded failure) or a delay that stops the phase. */
type AttachmentOutcome = { delay?: number };

/**
 * Streams one attachment from the external system into a new artifact, pushes its ssor_attachment
 * record and records it as processed. Failures are recorded and reported, not thrown; a delay is returned.
 */
export async function processAttachment(
  adapter: WorkerAdapter<unknown>,
  item: NormalizedAttachment,
  stream: ExternalSystemAttachmentStreamingFunction,
  meta: AttachmentsMetadata,
): Promise<AttachmentOutcome> {
  const record = (status: ProcessedAttachment['status']) => {
    meta.lastProcessedAttachmentsIdsList.push({ id: item.id, parent_id: item.parent_id, status });
    meta.lastProcessed = meta.lastProcessedAttachmentsIdsList.length;
  };
  const fail = (reason: string) => {
    logger.warn({ attachmentId: item.id, parentId: item.parent_id, reason }, 'Attachment failed; skipping it');
    record('failed');
    return {};
  };

  let response;
  try {
    response = await stream({ item, event: adapter.event });
  } catch (error) {
    return fail(`stream function threw: ${errorMessage(error)}`);
  }
  if (response?.delay !== undefined) return { delay: response.delay };
  if (response?.error) return fail(response.error.message);
  const http = response?.httpStream;
  if (!http?.data) return fail('stream function returned neither a stream, an error nor a delay');

  const body = http.data as Readable;
  try {
    const headers = (http.headers ?? {}) as Record<string, unknown>;
    const size = headerNumber(headers['content-length']);
    const fileType = item.content_type || (headers['content-type'] as string | undefined) || 'application/octet-stream';
    const target = await getUploadUrl(adapter.event, { fileName: item.file_name, fileType, fileSize: size });
    await postFileStream(target, body, { fileName: item.file_name, fileType, size });
    await confirmUpload(adapter.event, target.artifact_id);
    // As the SDK: a file finished after the soft timeout is neither reported nor recorded, so the
    // next invocation streams it again (its uploaded artifact stays unreported).
    if (adapter.isTimeout) return {};
    const ssor: SsorAttachment = {
      id: { devrev: target.artifact_id, external: item.id },
      parent_id: { external: item.parent_id },
      ...(item.author_id ? { actor_id: { external: item.author_id } } : {}),
      ...(item.inline !== undefined ? { inline: item.inline } : {}),
    };
    const repo = adapter.getRepo(AirSyncDefaultItemTypes.SSOR_ATTACHMENT);
    if (!repo || !(await repo.push([ssor]))) throw new Error('pushing the ssor_attachment record failed');
    record('success');
    return {};
  } catch (error) {
    if (typeof body?.destroy === 'function') body.destroy();
    return fail(`upload failed: ${errorMessage(error)}`);
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight; stops taking new items when `stop()` is true. */
async function runPool<T>(items: T[], concurrency: number, stop: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !stop()) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

async function emitProgressAndExit(adapter: WorkerAdapter<unknown>): Promise<void> {
  await adapter.emit(ExtractorEventType.AttachmentExtractionProgress);
  exitWorkerThread(0);
}

/** Custom batching of the SDK: `reducer` groups an artifact's pending attachments, `iterator` processes them. */
export interface AttachmentProcessors<Batch> {
  reducer: ExternalSystemAttachmentReducerFunction<Batch>;
  iterator: ExternalSystemAttachmentIteratorFunction<Batch>;
}

/**
 * Streams every attachment listed in the `attachments` artifacts of `state.toDevRev.attachmentsMetadata`
 * into platform artifacts, with `batchSize` (1..50) uploads in flight. Processed ids are tracked in state,
 * so an invocation that times out (PROGRESS) resumes at the next attachment. A delay stops and is returned;
 * a failing attachment is recorded and skipped.
 */
export async function streamAttachments<Batch>(
  adapter: WorkerAdapter<unknown>,
  {
    stream,
    processors,
    batchSize = 1,
  }: { stream: ExternalSystemAttachmentStreamingFunction; processors?: AttachmentProcessors<Batch>; batchSize?: number },
): Promise<StreamAttachmentsResponse> {
  const concurrency = Math.min(MAX_ATTACHMENT_CONCURRENCY, Math.max(MIN_ATTACHMENT_CONCURRENCY, Math.floor(batchSize)));
  adapter.addRepo({ itemType: AirSyncDefaultItemTypes.SSOR_ATTACHMENT });
  const meta = ensureAttachmentsMetadata(adapter.state as object);

  while (meta.artifactIds.length > 0) {
    if (adapter.isTimeout) {
      await emitProgressAndExit(adapter);
      return undefined;
    }
    const artifactId = meta.artifactIds[0];
    let attachments: NormalizedAttachment[];
    try {
      attachments = await downloadArtifactItems<NormalizedAttachment>(adapter.event, artifactId);
    } catch (error) {
      return { error: { message: `Downloading attachments artifact ${artifactId} failed: ${errorMessage(error)}` } };
    }
    const done = new Set(meta.lastProcessedAttachmentsIdsList.map((p) => p.id));
    const todo = attachments.filter((a) => !done.has(a.id));

    if (processors) {
      const reducedAttachments = processors.reducer({ attachments: todo, adapter, batchSize: concurrency });
      const outcome = await processors.iterator({ reducedAttachments, adapter, stream });
      if (outcome?.delay !== undefined) return { delay: outcome.delay };
      if (outcome?.error) return { error: outcome.error };
      if (adapter.isTimeout) {
        await emitProgressAndExit(adapter);
        return undefined;
      }
    } else {
      let delay: number | undefined;
      // The soft timeout ends the wait at once (PROGRESS below); files in flight are redone next time.
      await Promise.race([
        runPool(
          todo,
          concurrency,
          () => adapter.isTimeout || delay !== undefined,
          async (item) => {
            const outcome = await processAttachment(adapter, item, stream, meta);
            if (outcome.delay !== undefined && delay === undefined) delay = outcome.delay;
          },
        ),
        adapter.timeoutSignal,
      ]);
      if (delay !== undefined) return { delay };
    }
    if (adapter.isTimeout) {
      await emitProgressAndExit(adapter);
      return undefined;
    }

    const finished = new Set(meta.lastProcessedAttachmentsIdsList.map((p) => p.id));
    if (!processors && todo.some((a) => !finished.has(a.id))) {
      return { error: { message: `Attachments of artifact ${artifactId} were left unprocessed without a timeout` } };
    }
    meta.artifactIds.shift();
    meta.lastProcessed = 0;
    meta.lastProcessedAttachmentsIdsList = [];
  }
  return undefined;
}
