import type { AirdropEvent, Artifact, NormalizedAttachment, NormalizedItem } from '../types/extraction';
import { AirSyncDefaultItemTypes } from '../types/extraction';
import { errorMessage } from '../common/errors';
import { logger } from '../common/logger';
import { uploadItems } from '../uploader/uploader';
import { ItemDateRange, widenDateRange } from '../uploader/item-dates';

/** Item types that are pushed as they are, never normalized. */
const NEVER_NORMALIZED: ReadonlySet<string> = new Set([
  AirSyncDefaultItemTypes.EXTERNAL_DOMAIN_METADATA,
  AirSyncDefaultItemTypes.SSOR_ATTACHMENT,
]);

/** A record that the repo's normalize function rejected (reported, then skipped). */
export interface RejectedItem {
  itemType: string;
  /** Position of the record in the `push` call that carried it. */
  index: number;
  /** The record's `id` field, when it has one. */
  id?: string;
  reason: string;
}

/** Construction options of a Repo. */
export interface RepoOptions {
  event: AirdropEvent;
  itemType: string;
  normalize?: (record: object) => NormalizedItem | NormalizedAttachment;
  batchSize: number;
  skipConfirmation?: boolean;
  /** Called after every successful upload with the new artifact. */
  onUpload: (artifact: Artifact, repo: Repo) => void;
}

/**
 * Buffers the items of one item type and uploads them as gzipped JSONL artifacts of exactly
 * `batchSize` items; the remainder goes out at emit time (`upload()`).
 */
export class Repo {
  readonly itemType: string;
  /** Artifacts this repo uploaded during the invocation. */
  readonly uploadedArtifacts: Artifact[] = [];
  /** Records that failed to normalize and were skipped. */
  readonly rejectedItems: RejectedItem[] = [];
  /** Date range of everything this repo uploaded (for worker_metadata). */
  dateRange: ItemDateRange = {};
  private items: object[] = [];
  private readonly options: RepoOptions;

  constructor(options: RepoOptions) {
    this.options = options;
    this.itemType = options.itemType;
  }

  /** Items not yet uploaded. */
  getItems(): object[] {
    return this.items;
  }

  /** Normalizes and buffers items, uploading every full batch. Resolves false when an upload failed. */
  async push(items: object[]): Promise<boolean> {
    for (const [index, record] of items.entries()) {
      const normalized = this.normalizeOne(record, index);
      if (normalized) this.items.push(normalized);
    }
    // As the SDK: a batch leaves the buffer before its upload starts, so pushes made meanwhile (the
    // attachments phase runs many at once) neither upload it again nor cut items they never sent.
    while (this.items.length >= this.options.batchSize) {
      const batch = this.items.splice(0, this.options.batchSize);
      try {
        await this.uploadBatch(batch);
      } catch (error) {
        logger.error({ itemType: this.itemType, error: errorMessage(error) }, 'Uploading a batch failed');
        return false;
      }
    }
    return true;
  }

  /** Uploads the given batch, or everything still buffered. Throws when the upload fails. */
  async upload(batch?: object[]): Promise<void> {
    if (batch) {
      await this.uploadBatch(batch);
      return;
    }
    if (this.items.length === 0) return;
    const pending = this.items;
    this.items = [];
    try {
      await this.uploadBatch(pending);
    } catch (error) {
      this.items = [...pending, ...this.items]; // kept, as the SDK keeps them, for whoever retries
      throw error;
    }
  }

  private normalizeOne(record: object, index: number): object | undefined {
    if (!this.options.normalize || NEVER_NORMALIZED.has(this.itemType)) return record;
    try {
      return this.options.normalize(record);
    } catch (error) {
      const id = (record as { id?: unknown }).id;
      const rejected: RejectedItem = {
        itemType: this.itemType,
        index,
        id: id === undefined ? undefined : String(id),
        reason: errorMessage(error),
      };
      this.rejectedItems.push(rejected);
      logger.warn(rejected, 'Skipping a record that failed to normalize');
      return undefined;
    }
  }

  private async uploadBatch(batch: object[]): Promise<void> {
    const artifact = await uploadItems(this.options.event, this.itemType, batch, {
      skipConfirmation: this.options.skipConfirmation,
    });
    this.uploadedArtifacts.push(artifact);
    this.dateRange = widenDateRange(this.dateRange, batch);
    this.options.onUpload(artifact, this);
  }
}
