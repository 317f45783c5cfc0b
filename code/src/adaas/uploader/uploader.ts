import FormData from 'form-data';
import type { Readable } from 'stream';
import type { ArtifactToUpload } from '../types/attachments';
import type { AirdropEvent, Artifact } from '../types/extraction';
import { axiosClient } from '../http/axios-client';
import { bearerAuthHeaders, internalUrl } from '../http/platform-headers';
import { truncateFileName } from './file-name';
import { gzipJsonl, parseJsonl } from './jsonl';
import { widenDateRange } from './item-dates';

/** What the upload-url request describes. */
export interface UploadUrlRequest {
  fileName: string;
  fileType: string;
  /** Only for attachments; must be > 0 when given. */
  fileSize?: number;
}

/** `GET /internal/airdrop.artifacts.upload-url` (Bearer). */
export async function getUploadUrl(event: AirdropEvent, req: UploadUrlRequest): Promise<ArtifactToUpload> {
  if (req.fileSize !== undefined && !(req.fileSize > 0)) {
    throw new Error(`Cannot upload "${req.fileName}": file size ${req.fileSize} is not positive`);
  }
  const params: Record<string, string | number> = {
    request_id: event.payload.event_context.request_id,
    file_type: req.fileType,
    file_name: truncateFileName(req.fileName),
  };
  if (req.fileSize !== undefined) params.file_size = req.fileSize;
  const response = await axiosClient.get<ArtifactToUpload>(internalUrl(event, 'airdrop.artifacts.upload-url'), {
    params,
    headers: bearerAuthHeaders(event),
  });
  const target = response.data;
  if (!target?.upload_url || !target?.artifact_id) throw new Error('upload-url response lacks upload_url or artifact_id');
  return target;
}

function formWithFields(target: ArtifactToUpload): FormData {
  const form = new FormData();
  for (const field of target.form_data ?? []) form.append(field.key, field.value);
  return form;
}

/** Multipart POST of an in-memory file (field `file` after the presigned fields). Retries are safe. */
export async function postFileBuffer(target: ArtifactToUpload, bytes: Buffer, fileName: string, fileType: string): Promise<void> {
  const form = formWithFields(target);
  form.append('file', bytes, { filename: fileName, contentType: fileType });
  const body = form.getBuffer();
  await axiosClient.post(target.upload_url, body, {
    headers: form.getHeaders({ 'Content-Length': String(body.length) }),
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
  });
}

/**
 * Multipart POST of a stream, piped through without buffering the file. A consumed stream cannot be
 * replayed, so this request is not retried.
 */
export async function postFileStream(
  target: ArtifactToUpload,
  stream: Readable,
  file: { fileName: string; fileType: string; size?: number },
): Promise<void> {
  const form = formWithFields(target);
  form.append('file', stream, { filename: file.fileName, contentType: file.fileType, knownLength: file.size });
  const headers: Record<string, string> = form.getHeaders();
  if (file.size !== undefined) headers['Content-Length'] = String(form.getLengthSync());
  await axiosClient.post(target.upload_url, form, {
    headers,
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
    // follow-redirects keeps every written chunk to replay the body on a redirect, i.e. the whole
    // file in memory; a presigned upload does not redirect, so use the plain http transport.
    maxRedirects: 0,
    'axios-retry': { retries: 0 },
  });
}

/** `POST /internal/airdrop.artifacts.confirm-upload` (Bearer). */
export async function confirmUpload(event: AirdropEvent, artifactId: string): Promise<void> {
  await axiosClient.post(
    internalUrl(event, 'airdrop.artifacts.confirm-upload'),
    { request_id: event.payload.event_context.request_id, artifact_id: artifactId },
    { headers: bearerAuthHeaders(event) },
  );
}

/** Uploads items of one type as `{itemType}.jsonl.gz` and returns the artifact for the next emit. */
export async function uploadItems(
  event: AirdropEvent,
  itemType: string,
  items: object[],
  opts: { skipConfirmation?: boolean } = {},
): Promise<Artifact> {
  const fileName = `${itemType}.jsonl.gz`;
  const fileType = 'application/x-gzip';
  const target = await getUploadUrl(event, { fileName, fileType });
  await postFileBuffer(target, gzipJsonl(items), fileName, fileType);
  if (!opts.skipConfirmation) await confirmUpload(event, target.artifact_id);
  return { id: target.artifact_id, item_type: itemType, item_count: items.length, ...widenDateRange({}, items) };
}

/** `GET /internal/airdrop.artifacts.download-url` (Bearer) → download URL of an artifact. */
export async function getDownloadUrl(event: AirdropEvent, artifactId: string): Promise<string> {
  const response = await axiosClient.get<{ download_url?: string }>(internalUrl(event, 'airdrop.artifacts.download-url'), {
    params: { request_id: event.payload.event_context.request_id, artifact_id: artifactId },
    headers: bearerAuthHeaders(event),
  });
  if (!response.data?.download_url) throw new Error(`download-url response for artifact ${artifactId} lacks download_url`);
  return response.data.download_url;
}

/** Downloads an artifact and parses its JSONL lines (gzipped or plain, detected from the bytes). */
export async function downloadArtifactItems<T>(event: AirdropEvent, artifactId: string): Promise<T[]> {
  const url = await getDownloadUrl(event, artifactId);
  const response = await axiosClient.get<ArrayBuffer>(url, { responseType: 'arraybuffer' });
  return parseJsonl<T>(Buffer.from(response.data), `artifact ${artifactId}`);
}
