/**
 * Empty files (0 bytes) are real attachments, but the platform layer cannot upload them: the official
 * SDK's `processAttachment` asks for an upload URL with `file_size` 0 and gives up ("File size is 0 or
 * less"), and without a `content-length` it would declare a fake 2 GiB `Content-Length`. So the
 * connector uploads an empty file itself (platform-artifacts.ts: the SDK's three calls, upload-url
 * without `file_size`) and pushes its `ssor_attachment` record as the SDK would.
 */
import type { NormalizedAttachment, SsorAttachment, WorkerAdapter } from '../adaas';
import { uploadArtifactBytes } from './platform-artifacts';

/** The SDK's `SSOR_ATTACHMENT` item type (not exported by its index, nor part of `AirSyncDefaultItemTypes`). */
const SSOR_ATTACHMENT = 'ssor_attachment';

/**
 * What the stream function answers for an empty file it uploaded itself, so that the platform layer
 * does not upload it again. The layer (like the SDK) logs any such answer as a warning that it skips
 * the attachment; the message says what it skips. The file's own line is `logEmptyFileUploaded`.
 */
export function uploadedEmptyFile(item: NormalizedAttachment): { error: { message: string } } {
  return {
    error: {
      message: `Attachment ${item.id} (${item.file_name}) is empty (0 bytes) and the connector uploaded it already: ` +
        'nothing is left for the platform layer to upload.',
    },
  };
}

/** The info line of an empty file that arrived (console: the SDK routes it to its logger in workers). */
export function logEmptyFileUploaded(item: NormalizedAttachment): void {
  console.info(`Empty file ${item.id} (${item.file_name}) of ${item.parent_id} uploaded: 0 bytes.`);
}

/** Uploads `item` as an empty artifact and pushes its ssor_attachment record. */
export async function uploadEmptyFile(adapter: WorkerAdapter<unknown>, item: NormalizedAttachment): Promise<void> {
  const artifactId = await uploadArtifactBytes(adapter.event, {
    name: item.file_name, type: item.content_type || 'application/octet-stream', bytes: Buffer.alloc(0),
  });
  const record: SsorAttachment = {
    id: { devrev: artifactId, external: item.id },
    parent_id: { external: item.parent_id },
    ...(item.author_id ? { actor_id: { external: item.author_id } } : {}),
    ...(item.inline !== undefined ? { inline: item.inline } : {}),
  };
  const repo = adapter.getRepo(SSOR_ATTACHMENT);
  if (!repo || !(await repo.push([record]))) throw new Error(`pushing the ssor_attachment record of empty file ${item.id} failed`);
}
