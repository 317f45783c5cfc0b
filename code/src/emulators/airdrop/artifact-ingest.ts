/**
 * Turns one artifact listed in an emitted event into platform data: external domain metadata,
 * the external sync unit list, normalized items merged into the store, or attachment bytes filed
 * under their external ids. Anything wrong throws an `ArtifactError` naming artifact, item type and line.
 */
import * as fs from 'node:fs';
import type { ArtifactStore } from './artifact-store';
import type { ItemCounts, ItemStore } from './item-store';
import { writeFileAtomic } from '../../files/atomic';
import { type OutputLayout } from './layout';
import { checkArtifactLine, isFileNameSafe, PLATFORM_ITEM_TYPES } from './validation';
import type { WireArtifact } from './wire';

/** A problem with an uploaded artifact; the run fails with this message. */
export class ArtifactError extends Error {
  override readonly name = 'ArtifactError';
}

/** An external sync unit the connector reported (§8). */
export interface ExternalSyncUnit {
  id: string;
  name: string;
  description?: string;
}

/** What an artifact contributed. */
export type IngestResult =
  | { kind: 'metadata'; recordTypes: string[] }
  | { kind: 'sync_units'; units: ExternalSyncUnit[] }
  | { kind: 'items'; itemType: string; counts: ItemCounts; ids: string[] }
  | { kind: 'attachments'; received: number; bytes: number; ids: string[] };

/** Most invalid lines quoted in one error message. */
const MAX_REPORTED_LINES = 5;

export class ArtifactIngest {
  constructor(
    private readonly layout: OutputLayout,
    private readonly artifacts: ArtifactStore,
    private readonly items: ItemStore,
  ) {}

  /** Record types of the last uploaded external domain metadata, or undefined if none yet. */
  recordTypes(): Set<string> | undefined {
    if (!fs.existsSync(this.layout.metadataFile)) return undefined;
    const metadata = JSON.parse(fs.readFileSync(this.layout.metadataFile, 'utf8')) as { record_types?: object };
    return new Set(Object.keys(metadata.record_types ?? {}));
  }

  /** Compacts the item store to one line per id (between runs, readers see each id once). */
  settle(): void {
    this.items.compactAll();
  }

  ingest(artifact: WireArtifact): IngestResult {
    const label = describe(artifact);
    if (typeof artifact.id !== 'string' || typeof artifact.item_type !== 'string') {
      throw new ArtifactError(`${label}: an artifact needs a string id and item_type`);
    }
    const itemType = artifact.item_type;
    if (!PLATFORM_ITEM_TYPES.has(itemType)) {
      const recordTypes = this.recordTypes();
      if (!recordTypes) {
        throw new ArtifactError(`${label}: no external domain metadata was uploaded, so item type ${itemType} is unknown`);
      }
      if (!recordTypes.has(itemType)) {
        throw new ArtifactError(
          `${label}: item type ${itemType} is not a record type of the external domain metadata ` +
            `(record types: ${[...recordTypes].join(', ') || 'none'})`,
        );
      }
    }
    if (!this.artifacts.exists(artifact.id)) {
      throw new ArtifactError(`${label}: listed in event_data.artifacts but never uploaded`);
    }
    const objects = this.parseLines(artifact, label);

    switch (itemType) {
      case 'external_domain_metadata':
        return this.storeMetadata(objects, label);
      case 'external_sync_units':
        return { kind: 'sync_units', units: objects as ExternalSyncUnit[] };
      case 'ssor_attachment':
        return this.fileAttachments(objects as SsorAttachmentLine[], label);
      default: {
        const items = objects as { id: string }[];
        return { kind: 'items', itemType, counts: this.items.merge(itemType, items), ids: items.map((i) => i.id) };
      }
    }
  }

  /** Parses and validates every line; all problems (up to a few) go into one error. */
  private parseLines(artifact: WireArtifact, label: string): unknown[] {
    let lines: string[];
    try {
      lines = this.artifacts.readLines(artifact.id);
    } catch (err) {
      throw new ArtifactError(`${label}: cannot read the upload (${(err as Error).message})`);
    }
    const problems: string[] = [];
    const objects: unknown[] = [];
    lines.forEach((line, index) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push(`line ${index + 1}: not JSON`);
        return;
      }
      const problem = checkArtifactLine(artifact.item_type, value);
      if (problem) problems.push(`line ${index + 1}${idOf(value)}: ${problem}`);
      else objects.push(value);
    });
    if (problems.length > 0) {
      const shown = problems.slice(0, MAX_REPORTED_LINES).join('; ');
      const more = problems.length > MAX_REPORTED_LINES ? `; ... ${problems.length - MAX_REPORTED_LINES} more` : '';
      const what = artifact.item_type === 'external_domain_metadata' ? 'external domain metadata' : 'item';
      throw new ArtifactError(`${label}: ${problems.length} invalid ${what} line(s): ${shown}${more}`);
    }
    if (typeof artifact.item_count === 'number' && artifact.item_count !== lines.length) {
      throw new ArtifactError(`${label}: declares item_count ${artifact.item_count} but holds ${lines.length} line(s)`);
    }
    return objects;
  }

  private storeMetadata(objects: unknown[], label: string): IngestResult {
    if (objects.length !== 1) {
      throw new ArtifactError(`${label}: must hold exactly one external domain metadata object, holds ${objects.length}`);
    }
    const metadata = objects[0] as { record_types: object };
    writeFileAtomic(this.layout.metadataFile, `${JSON.stringify(metadata, null, 2)}\n`);
    return { kind: 'metadata', recordTypes: Object.keys(metadata.record_types) };
  }

  /**
   * Files each uploaded file artifact as `attachments/<external id>`: a hard link to the artifact's
   * bytes (a copy where the file system has none), so a large import does not store every file twice.
   */
  private fileAttachments(records: SsorAttachmentLine[], label: string): IngestResult {
    let bytes = 0;
    records.forEach((record, index) => {
      const where = `${label} line ${index + 1}`;
      const { devrev, external } = record.id;
      if (!isFileNameSafe(external)) {
        throw new ArtifactError(`${where}: attachment id ${JSON.stringify(external)} is not file-name safe ([A-Za-z0-9._-])`);
      }
      if (!this.artifacts.exists(devrev)) {
        throw new ArtifactError(`${where}: attachment ${external} points to artifact ${devrev}, which was never uploaded`);
      }
      linkOrCopy(this.layout.artifactFile(devrev), this.layout.attachmentFile(external));
      bytes += fs.statSync(this.layout.attachmentFile(external)).size;
      this.artifacts.forget(devrev);
    });
    return { kind: 'attachments', received: records.length, bytes, ids: records.map((r) => r.id.external) };
  }
}

/** `to` becomes the bytes of `from` (replacing what it held): a hard link, or a copy where links fail. */
function linkOrCopy(from: string, to: string): void {
  fs.rmSync(to, { force: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

interface SsorAttachmentLine {
  id: { devrev: string; external: string };
  parent_id: { external: string };
}

function describe(artifact: WireArtifact): string {
  return `artifact ${String(artifact?.id)} (item type ${String(artifact?.item_type)})`;
}

function idOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? ` (id ${id})` : '';
}
