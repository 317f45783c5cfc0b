/**
 * Empty files (0 bytes) are real attachments, but the platform layer cannot upload them: the official
 * SDK's `processAttachment` asks for an upload URL with `file_size` 0 and gives up ("File size is 0 or
 * less"), and without a `content-length` it would declare a fake 2 GiB `Content-Length`. So the
 * connector uploads an empty file itself, with the same three platform calls the SDK makes
 * (upload-url without `file_size`, the presigned multipart POST with its exact length, confirm-upload)
 * through the SDK's public `axiosClient`, and pushes its `ssor_attachment` record as the SDK would.
 */
import FormData from 'form-data';
import { axiosClient, type AirdropEvent, type NormalizedAttachment, type SsorAttachment, type WorkerAdapter } from '../adaas';

/**
 * The upload-url answer on the wire. The SDK types it as `ArtifactToUpload`, which its index does not
 * export (its exported `ArtifactsPrepareResponse` is another endpoint's `{ url, id }`).
 */
interface UploadTarget {
  upload_url: string;
  artifact_id: string;
  form_data?: { key: string; value: string }[];
}
/** The SDK's `SSOR_ATTACHMENT` item type (not exported by its index, nor part of `AirSyncDefaultItemTypes`). */
const SSOR_ATTACHMENT = 'ssor_attachment';

/** What the stream function answers for an empty file it uploaded itself: the platform layer must not upload it again. */
export function uploadedEmptyFile(item: NormalizedAttachment): { error: { message: string } } {
  return {
    error: {
      message: `Attachment ${item.id} (${item.file_name}) is empty (0 bytes): the connector uploaded it itself ` +
        '(the platform layer refuses 0-byte uploads); it is not skipped.',
    },
  };
}

function artifactsUrl(event: AirdropEvent, name: string): string {
  return `${event.execution_metadata.devrev_endpoint.replace(/\/+$/, '')}/internal/airdrop.artifacts.${name}`;
}

/** Uploads `item` as an empty artifact and pushes its ssor_attachment record. */
export async function uploadEmptyFile(adapter: WorkerAdapter<unknown>, item: NormalizedAttachment): Promise<void> {
  const { event } = adapter;
  const auth = { Authorization: `Bearer ${event.context.secrets.service_account_token}` };
  const request_id = event.payload.event_context.request_id;
  const fileType = item.content_type || 'application/octet-stream';
  const target = (await axiosClient.get<UploadTarget>(artifactsUrl(event, 'upload-url'), {
    params: { request_id, file_type: fileType, file_name: item.file_name },
    headers: auth,
  })).data;
  if (!target?.upload_url || !target.artifact_id) throw new Error(`upload-url answer for empty file ${item.id} lacks upload_url or artifact_id`);

  const form = new FormData();
  for (const field of target.form_data ?? []) form.append(field.key, field.value);
  form.append('file', Buffer.alloc(0), { filename: item.file_name, contentType: fileType });
  const body = form.getBuffer();
  await axiosClient.post(target.upload_url, body, { headers: form.getHeaders({ 'Content-Length': String(body.length) }), maxRedirects: 0 });
  await axiosClient.post(artifactsUrl(event, 'confirm-upload'), { request_id, artifact_id: target.artifact_id }, { headers: auth });

  const record: SsorAttachment = {
    id: { devrev: target.artifact_id, external: item.id },
    parent_id: { external: item.parent_id },
    ...(item.author_id ? { actor_id: { external: item.author_id } } : {}),
    ...(item.inline !== undefined ? { inline: item.inline } : {}),
  };
  const repo = adapter.getRepo(SSOR_ATTACHMENT);
  if (!repo || !(await repo.push([record]))) throw new Error(`pushing the ssor_attachment record of empty file ${item.id} failed`);
}
