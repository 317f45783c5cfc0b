/**
 * Artifacts on disk: ids handed out by `airdrop.artifacts.upload-url`, bytes received on the
 * upload URL, the confirmation, and reading an uploaded artifact back as JSONL lines.
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { OutputLayout } from './layout';

/** What the platform knows about one artifact. */
export interface ArtifactRecord {
  id: string;
  fileName: string;
  fileType: string;
  /** `file_size` as announced by the uploader (attachments only). */
  declaredSize?: number;
  requestId: string;
  /** Bytes stored, once uploaded. */
  size?: number;
  /** Epoch ms of the upload-url call. */
  preparedAt: number;
  confirmed: boolean;
}

export class ArtifactStore {
  private readonly records = new Map<string, ArtifactRecord>();

  constructor(private readonly layout: OutputLayout) {}

  /** Reserves a new artifact id (file-name safe, unique across emulator restarts). */
  prepare(info: { fileName: string; fileType: string; declaredSize?: number; requestId: string }): ArtifactRecord {
    const id = `artifact-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
    const record: ArtifactRecord = { id, ...info, confirmed: false, preparedAt: Date.now() };
    this.records.set(id, record);
    return record;
  }

  get(id: string): ArtifactRecord | undefined {
    return this.records.get(id);
  }

  /** Streams the uploaded bytes to `artifacts/<id>` (temp file + rename) and returns the size. */
  async receive(id: string, body: Readable): Promise<number> {
    const record = this.records.get(id);
    if (!record) throw new Error(`unknown artifact ${id}`);
    const target = this.layout.artifactFile(id);
    const tmp = `${target}.part`;
    await pipeline(body, fs.createWriteStream(tmp));
    fs.renameSync(tmp, target);
    record.size = fs.statSync(target).size;
    return record.size;
  }

  /**
   * Forgets the record of a file artifact an ssor_attachment record reported: it is filed, and a run
   * streams one per attachment, so records kept for them would grow with the workspace (the bytes
   * stay on disk; `exists` and downloads go by the file).
   */
  forget(id: string): void {
    this.records.delete(id);
  }

  /** Artifacts whose upload-url was asked for at or after `since` (epoch ms), uploaded and not forgotten. */
  uploadedSince(since: number): ArtifactRecord[] {
    return [...this.records.values()].filter((r) => r.size !== undefined && r.preparedAt >= since);
  }

  /** Marks an uploaded artifact confirmed; false when unknown or not uploaded yet. */
  confirm(id: string): boolean {
    const record = this.records.get(id);
    if (!record || record.size === undefined) return false;
    record.confirmed = true;
    return true;
  }

  /** True when the bytes of `id` are on disk (also for artifacts of an earlier emulator process). */
  exists(id: string): boolean {
    return isArtifactId(id) && fs.existsSync(this.layout.artifactFile(id));
  }

  /** The stored bytes of an artifact, as uploaded. */
  read(id: string): Buffer {
    if (!this.exists(id)) throw new Error(`artifact ${id} was never uploaded`);
    return fs.readFileSync(this.layout.artifactFile(id));
  }

  /** A read stream over the stored bytes (no buffering of large files). */
  openRead(id: string): fs.ReadStream {
    if (!this.exists(id)) throw new Error(`artifact ${id} was never uploaded`);
    return fs.createReadStream(this.layout.artifactFile(id));
  }

  /** The non-empty lines of an uploaded JSONL artifact, gunzipped when gzip. */
  readLines(id: string): string[] {
    let bytes = this.read(id);
    if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    return bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
  }
}

/** Artifact ids this emulator hands out; anything else never names a file. */
export function isArtifactId(id: string): boolean {
  return /^artifact-[a-z0-9]+-[0-9a-f]+$/.test(id);
}
