/**
 * Artifacts on disk: ids handed out by `airdrop.artifacts.upload-url`, bytes received on the
 * upload URL, the confirmation, and reading an uploaded artifact back as JSONL lines.
 *
 * What the platform knows of an artifact (its record) stays in memory only while the upload is under
 * way; once confirmed it is kept in a small file of this process's own (`artifact-records/<process>/`)
 * until an ssor_attachment files it (`forget`), so an attachments invocation streaming thousands of
 * files does not hold thousands of records. Records of processes that are gone are removed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { readJsonIfExists, streamToFileAtomic } from '../../files/atomic';
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
  /** Records of uploads not confirmed yet; confirmed ones are in `recordsDir`. */
  private readonly records = new Map<string, ArtifactRecord>();
  private readonly recordsDir: string;

  constructor(private readonly layout: OutputLayout) {
    removeRecordsOfGoneProcesses(layout.artifactRecordsDir);
    this.recordsDir = path.join(layout.artifactRecordsDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(this.recordsDir, { recursive: true });
  }

  /** Reserves a new artifact id (file-name safe, unique across emulator restarts). */
  prepare(info: { fileName: string; fileType: string; declaredSize?: number; requestId: string }): ArtifactRecord {
    const id = `artifact-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
    const record: ArtifactRecord = { id, ...info, confirmed: false, preparedAt: Date.now() };
    this.records.set(id, record);
    return record;
  }

  get(id: string): ArtifactRecord | undefined {
    if (!isArtifactId(id)) return undefined;
    return this.records.get(id) ?? readJsonIfExists<ArtifactRecord>(this.recordFile(id));
  }

  /** Streams the uploaded bytes to `artifacts/<id>` (temp file + rename) and returns the size. */
  async receive(id: string, body: Readable): Promise<number> {
    const record = this.records.get(id);
    if (!record) throw new Error(`unknown artifact ${id}`);
    record.size = await streamToFileAtomic(this.layout.artifactFile(id), body);
    return record.size;
  }

  /**
   * Forgets the record of a file artifact an ssor_attachment record reported: it is filed, and a run
   * streams one per attachment, so records kept for them would grow with the workspace (the bytes
   * stay on disk; `exists` and downloads go by the file).
   */
  forget(id: string): void {
    this.records.delete(id);
    if (isArtifactId(id)) fs.rmSync(this.recordFile(id), { force: true });
  }

  /** Artifacts whose upload-url was asked for at or after `since` (epoch ms), uploaded and not forgotten. */
  uploadedSince(since: number): ArtifactRecord[] {
    const confirmed = fs.readdirSync(this.recordsDir).flatMap((name) => readJsonIfExists<ArtifactRecord>(path.join(this.recordsDir, name)) ?? []);
    return [...this.records.values(), ...confirmed].filter((r) => r.size !== undefined && r.preparedAt >= since);
  }

  /**
   * Marks an uploaded artifact confirmed (its record leaves memory); false when unknown or not
   * uploaded yet. The record is written asynchronously: one confirmation per file streamed.
   */
  async confirm(id: string): Promise<boolean> {
    const record = this.records.get(id);
    if (!record) return readJsonIfExists<ArtifactRecord>(this.recordFile(id)) !== undefined;
    if (record.size === undefined) return false;
    record.confirmed = true;
    await fs.promises.writeFile(this.recordFile(id), JSON.stringify(record));
    this.records.delete(id);
    return true;
  }

  private recordFile(id: string): string {
    return path.join(this.recordsDir, `${id}.json`);
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

/** Removes the record folders (`<pid>-<random>`) of processes that no longer run. */
function removeRecordsOfGoneProcesses(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || processRuns(pid)) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
