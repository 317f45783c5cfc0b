/**
 * A tiny hand-rolled "connector side" for tests: plain HTTP calls against the platform emulator,
 * exactly as the protocol describes them (no SDK layer), so tests can also send bad things.
 */
import axios, { type AxiosResponse } from 'axios';
import FormData from 'form-data';
import { gzipSync } from 'node:zlib';
import type { AirdropEvent } from '../../../../src/emulators/airdrop';

/** Any HTTP status is a result, not an exception. */
const http = axios.create({ validateStatus: () => true, maxBodyLength: Infinity, maxContentLength: Infinity });

export interface UploadedArtifact {
  id: string;
  item_type: string;
  item_count: number;
}

export class WireClient {
  constructor(readonly event: AirdropEvent) {}

  private get token(): string {
    return this.event.context.secrets.service_account_token;
  }
  private get ctx() {
    return this.event.payload.event_context;
  }
  private get base(): string {
    return this.event.execution_metadata.devrev_endpoint;
  }

  /** POSTs one event to callback_url, echoing the incoming event_context. */
  emit(eventType: string, eventData: Record<string, unknown> = {}): Promise<AxiosResponse> {
    return http.post(
      this.ctx.callback_url,
      { event_type: eventType, event_context: this.ctx, event_data: eventData },
      { headers: { Authorization: this.token } },
    );
  }

  getState(): Promise<AxiosResponse> {
    return http.get(`${this.ctx.worker_data_url}.get`, {
      params: { sync_unit: this.ctx.sync_unit_id, request_id: this.ctx.request_id_adaas },
      headers: { Authorization: this.token },
    });
  }

  /** Saves a state (double-encoded body, §4.1). */
  postState(state: unknown): Promise<AxiosResponse> {
    return this.postRawState(JSON.stringify(state));
  }

  postRawState(state: string): Promise<AxiosResponse> {
    return http.post(
      `${this.ctx.worker_data_url}.update`,
      { state },
      { params: { sync_unit: this.ctx.sync_unit_id, request_id: this.ctx.request_id_adaas }, headers: { Authorization: this.token } },
    );
  }

  /** upload-url → multipart POST → confirm; returns the artifact id. */
  async uploadBytes(bytes: Buffer, fileName: string, fileType: string, confirm = true): Promise<string> {
    const prepared = await http.get(`${this.base}/internal/airdrop.artifacts.upload-url`, {
      params: { request_id: this.ctx.request_id, file_type: fileType, file_name: fileName },
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (prepared.status !== 200) throw new Error(`upload-url: ${prepared.status} ${JSON.stringify(prepared.data)}`);
    const { upload_url: uploadUrl, artifact_id: artifactId } = prepared.data as { upload_url: string; artifact_id: string };
    const form = new FormData();
    form.append('0', 'extra field the platform must accept');
    form.append('file', bytes, { filename: fileName, contentType: fileType });
    const uploaded = await http.post(uploadUrl, form, { headers: form.getHeaders() });
    if (uploaded.status >= 300) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(uploaded.data)}`);
    if (confirm) {
      const confirmed = await http.post(
        `${this.base}/internal/airdrop.artifacts.confirm-upload`,
        { request_id: this.ctx.request_id, artifact_id: artifactId },
        { headers: { Authorization: `Bearer ${this.token}` } },
      );
      if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status}`);
    }
    return artifactId;
  }

  /** Uploads objects as gzip JSONL (or raw lines) and returns the artifact as listed in an emit. */
  async uploadItems(itemType: string, objects: unknown[], rawLines?: string[]): Promise<UploadedArtifact> {
    const lines = rawLines ?? objects.map((o) => JSON.stringify(o));
    const id = await this.uploadBytes(gzipSync(lines.join('\n')), `${itemType}.jsonl.gz`, 'application/x-gzip');
    return { id, item_type: itemType, item_count: lines.length };
  }

  /** download-url → GET: the stored bytes. */
  async download(artifactId: string): Promise<Buffer> {
    const res = await http.get(`${this.base}/internal/airdrop.artifacts.download-url`, {
      params: { request_id: this.ctx.request_id, artifact_id: artifactId },
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (res.status !== 200) throw new Error(`download-url: ${res.status}`);
    const file = await http.get((res.data as { download_url: string }).download_url, { responseType: 'arraybuffer' });
    return Buffer.from(file.data as ArrayBuffer);
  }
}

/** A valid normalized item. */
export function item(id: string, data: Record<string, unknown> = {}, modified = '2024-05-01T10:00:00Z') {
  return { id, created_date: '2024-01-01T00:00:00Z', modified_date: modified, data: { name: `item ${id}`, ...data } };
}

/** Small external domain metadata with record types `users` and `tickets`. */
export const METADATA = {
  schema_version: 'v0.2.0',
  record_types: {
    users: { name: 'User', fields: { name: { type: 'text', is_required: true } } },
    tickets: {
      name: 'Ticket',
      fields: {
        name: { type: 'text' },
        owner: { type: 'reference', reference: { refers_to: { '#record:users': {} } } },
      },
    },
  },
};
