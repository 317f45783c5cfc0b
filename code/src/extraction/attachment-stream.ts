/**
 * The attachments phase's stream function: opens a download stream for one attachment. Only
 * Intercom's file hosts (and in a local run the emulator's host) are contacted, without the token,
 * within the per-file size and stall limits (the client checks);
 * a signed URL that expired (403/410) is refreshed by re-reading its parent once. A download whose
 * exact length is declared (no content encoding), up to DIRECT_UPLOAD_MAX_BYTES, streams straight
 * into the upload (direct-body.ts); any other is spooled to a temporary file first so the upload
 * carries its exact length (spool.ts); an empty one
 * is uploaded by `uploadEmpty` (empty-file.ts: the platform layer refuses 0 bytes). Failures are
 * counted in the report and returned as errors (the platform layer skips the file); a wait too long
 * for this invocation is returned as a delay.
 */
import type { ExternalSystemAttachmentStreamingFunction, NormalizedAttachment } from '../adaas';
import { IntercomDelayRequired, IntercomError, type DownloadResponse, type IntercomClient } from '../intercom';
import { refreshAttachmentUrl } from './attachment-refresh';
import { forgetRetry, isPassingFailure, keepForRetry, MAX_FILE_TRIES } from './file-retries';
import { logEmptyFileUploaded, uploadedEmptyFile } from './empty-file';
import { spool } from './spool';
import { measurable } from './direct-body';
import { reportCounters } from './report';
import type { ConnectorState } from './state';

/**
 * Files streamed at once (the platform layer allows 1 to 50). Each is piped with back-pressure from
 * the download to the upload, so the bytes in flight are about this many stream buffers (~64 KB
 * each), whatever the files' sizes; enough at once to hide a CDN's latency behind the uploads.
 */
export const ATTACHMENTS_AT_ONCE = 32;

/**
 * Largest file streamed straight from its download into its upload; larger ones are spooled. The
 * SDK's upload request times out after 30 s, body included, and a direct upload lasts as long as the
 * download: up to this size a download slower than ~0.28 MB/s is needed to hit it.
 */
export const DIRECT_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;

const contentTypeOf = (response: DownloadResponse): string | undefined => {
  const type = response.headers['content-type'];
  return typeof type === 'string' ? type : undefined;
};

const statusOf = (error: unknown): number | undefined => (error instanceof IntercomError ? error.status : undefined);

/** The stream function of one invocation; `uploadEmpty` uploads a 0-byte file and pushes its record. */
export function streamFunction(
  client: IntercomClient,
  state: ConnectorState,
  uploadEmpty: (item: NormalizedAttachment) => Promise<void>,
): ExternalSystemAttachmentStreamingFunction {
  const open = async (url: string, item: NormalizedAttachment) => {
    const response = await client.download(url);
    if (response.length === undefined || response.length > DIRECT_UPLOAD_MAX_BYTES) return spooled(response, item);
    if (response.length === 0) {
      response.data.resume();
      return emptyFile(item);
    }
    // The declared length is exact: the bytes go on to the upload as they arrive. A download cut
    // short fails the upload (the platform refuses a body short of its length) and is kept here.
    response.data.once('error', (error) => failed(item, error));
    const headers = { 'content-type': contentTypeOf(response), 'content-length': String(response.length) };
    return { httpStream: { ...response, headers, data: measurable(response.data, headers) } as never };
  };
  const spooled = async (response: DownloadResponse, item: NormalizedAttachment) => {
    const { data, size } = await spool(response.data);
    if (size === 0) {
      data.destroy();
      return emptyFile(item);
    }
    // What the upload declares is what it sends: the bytes as received (decompressed), counted.
    const headers = { 'content-type': contentTypeOf(response), 'content-length': String(size) };
    return { httpStream: { ...response, headers, data } as never };
  };
  const emptyFile = async (item: NormalizedAttachment) => {
    await uploadEmpty(item);
    logEmptyFileUploaded(item);
    return uploadedEmptyFile(item);
  };
  const failed = (item: NormalizedAttachment, error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    if (isPassingFailure(error) && keepForRetry(state, item, reason)) {
      reportCounters.pending(state.report, 'attachments', item.id, `kept for the next run: ${reason}`);
    } else {
      const lost = isPassingFailure(error) ? `still failing after ${MAX_FILE_TRIES} runs, or too many files kept: ${reason}` : reason;
      reportCounters.skipped(state.report, 'attachments', item.id, lost);
    }
    return { error: { message: `Attachment ${item.id} (${item.file_name}) of ${item.parent_id}: ${reason}`, statusCode: statusOf(error) } };
  };
  return async ({ item }) => {
    try {
      const opened = await open(item.url, item);
      forgetRetry(state, item.id);
      return opened;
    } catch (error) {
      if (error instanceof IntercomDelayRequired) return { delay: error.delaySeconds };
      if (statusOf(error) !== 403 && statusOf(error) !== 410) return failed(item, error);
    }
    // The signed URL expired: read the parent again for a fresh one.
    try {
      const fresh = await refreshAttachmentUrl(client, item, state.run?.context);
      if (!fresh) return failed(item, new Error('its URL expired and the parent no longer lists it'));
      const opened = await open(fresh, item);
      forgetRetry(state, item.id);
      return opened;
    } catch (error) {
      if (error instanceof IntercomDelayRequired) return { delay: error.delaySeconds };
      return failed(item, error);
    }
  };
}
