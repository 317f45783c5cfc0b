/**
 * Artifacts the connector uploads and reads itself, through the platform's artifact endpoints and the
 * SDK's public `axiosClient` (the SDK's own uploader is not exported by its index): the same calls
 * the SDK makes (upload-url, the presigned multipart POST, confirm-upload; download-url, GET).
 * An artifact uploaded here is not listed in any event, so the platform ingests nothing from it;
 * it is addressed only by the id this returns.
 */
import FormData from 'form-data';
import { axiosClient, type AirdropEvent } from '../adaas';

/**
 * The upload-url answer on the wire. The SDK types it as `ArtifactToUpload`, which its index does not
 * export (its exported `ArtifactsPrepareResponse` is another endpoint's `{ url, id }`).
 */
interface UploadTarget {
  upload_url: string;
  artifact_id: string;
  form_data?: { key: string; value: string }[];
}

function artifactsUrl(event: AirdropEvent, name: string): string {
  return `${event.execution_metadata.devrev_endpoint.replace(/\/+$/, '')}/internal/airdrop.artifacts.${name}`;
}

const authOf = (event: AirdropEvent) => ({ Authorization: `Bearer ${event.context.secrets.service_account_token}` });

/**
 * Uploads `bytes` as a new artifact and confirms it; returns its id. No `file_size` is declared
 * (the SDK refuses 0), the POST carries the exact length.
 */
export async function uploadArtifactBytes(event: AirdropEvent, file: { name: string; type: string; bytes: Buffer }): Promise<string> {
  const request_id = event.payload.event_context.request_id;
  const target = (await axiosClient.get<UploadTarget>(artifactsUrl(event, 'upload-url'), {
    params: { request_id, file_type: file.type, file_name: file.name },
    headers: authOf(event),
  })).data;
  if (!target?.upload_url || !target.artifact_id) throw new Error(`upload-url answer for ${file.name} lacks upload_url or artifact_id`);

  const form = new FormData();
  for (const field of target.form_data ?? []) form.append(field.key, field.value);
  form.append('file', file.bytes, { filename: file.name, contentType: file.type });
  const body = form.getBuffer();
  await axiosClient.post(target.upload_url, body, { headers: form.getHeaders({ 'Content-Length': String(body.length) }), maxRedirects: 0 });
  await axiosClient.post(artifactsUrl(event, 'confirm-upload'), { request_id, artifact_id: target.artifact_id }, { headers: authOf(event) });
  return target.artifact_id;
}

/** The bytes of an artifact uploaded earlier (in this run or an earlier one). */
export async function downloadArtifactBytes(event: AirdropEvent, artifactId: string): Promise<Buffer> {
  const located = (await axiosClient.get<{ download_url?: string }>(artifactsUrl(event, 'download-url'), {
    params: { request_id: event.payload.event_context.request_id, artifact_id: artifactId },
    headers: authOf(event),
  })).data;
  if (!located?.download_url) throw new Error(`download-url answer for artifact ${artifactId} lacks download_url`);
  const response = await axiosClient.get<ArrayBuffer>(located.download_url, { responseType: 'arraybuffer' });
  return Buffer.from(response.data);
}
