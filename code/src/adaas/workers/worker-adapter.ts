import type { ExternalSystemAttachmentStreamingFunction, ProcessAttachmentReturnType, StreamAttachmentsResponse } from '../types/attachments';
import type { AirdropEvent, Artifact, EventData, ExtractionScope, NormalizedAttachment, RepoInterface, WorkerMetadata } from '../types/extraction';
import { AirSyncDefaultItemTypes, ExtractorEventType } from '../types/extraction';
import type { ExternalSystemAttachment, ExternalSystemLoadingFunction, ItemTypeToLoad, LoaderReport, LoadItemTypesResponse } from '../types/loading';
import { LoaderEventType } from '../types/loading';
import type { AdapterState, ExtractionSdkState } from '../types/state';
import type { WorkerAdapterOptions } from '../types/workers';
import { ARTIFACT_BATCH_SIZE, EVENT_SIZE_THRESHOLD_BYTES, EXTERNAL_SYNC_UNITS_BATCH_SIZE, isStatefulEventType } from '../common/constants';
import { emit as postEvent } from '../common/control-protocol';
import { errorMessage, truncateMessage } from '../common/errors';
import { isLoaderEventType, translateOutgoingEventType } from '../common/event-type-translation';
import { completeExtractionCycle } from '../common/extraction-window';
import { logger } from '../common/logger';
import { Mappers } from '../mappers/mappers';
import { Repo } from '../repo/repo';
import { saveState } from '../state/state-api';
import { ensureAttachmentsMetadata } from '../state/sdk-state';
import { AttachmentProcessors, processAttachment, streamAttachments } from '../attachments/stream-attachments';
import { loadAttachments, loadItemTypes } from '../loading/load-items';
import { notifyEmitted } from './worker-messages';

/** Construction parameters of a WorkerAdapter (built by processTask). */
export interface WorkerAdapterParams<S> {
  event: AirdropEvent;
  state: AdapterState<S>;
  extractionScope?: ExtractionScope;
  options?: WorkerAdapterOptions;
}

const EVENTS_WITH_ITEM_METADATA: ReadonlySet<string> = new Set([
  ExtractorEventType.DataExtractionDone,
  ExtractorEventType.DataExtractionProgress,
  ExtractorEventType.AttachmentExtractionDone,
  ExtractorEventType.AttachmentExtractionProgress,
]);

/**
 * What a connector's task works with: the event, the state, repos for artifacts, and the single emit.
 * One instance per invocation.
 */
export class WorkerAdapter<S> {
  readonly event: AirdropEvent;
  readonly options?: WorkerAdapterOptions;
  readonly mappers: Mappers;
  /** Record-type selection from the state `.get` (empty = extract everything). */
  readonly extractionScope: ExtractionScope;
  /** Resolves when the main thread signals the soft timeout. */
  readonly timeoutSignal: Promise<void>;
  hasWorkerEmitted = false;
  /** Artifacts the next emit lists (filled by `uploadAllRepos`). */
  artifacts: Artifact[] = [];
  reports: LoaderReport[] = [];
  processedFiles: string[] = [];

  private adapterState: AdapterState<S>;
  private repos: Repo[] = [];
  private lastUploadedRepo?: Repo;
  private artifactsJsonSize = 0;
  private resolveTimeoutSignal!: () => void;
  private timedOut = false;

  constructor({ event, state, extractionScope, options }: WorkerAdapterParams<S>) {
    this.event = event;
    this.options = options;
    this.adapterState = state;
    this.extractionScope = extractionScope ?? {};
    this.mappers = new Mappers({ event });
    this.timeoutSignal = new Promise<void>((resolve) => (this.resolveTimeoutSignal = resolve));
  }

  get state(): AdapterState<S> {
    return this.adapterState;
  }

  set state(value: AdapterState<S>) {
    this.adapterState = value;
  }

  /** True once the soft timeout hit or the event-size budget is used up: wrap up and return. */
  get isTimeout(): boolean {
    return this.timedOut;
  }

  /** Setting it (processTask at the soft timeout, a connector at its own deadline) resolves `timeoutSignal`. */
  set isTimeout(value: boolean) {
    this.timedOut = value;
    if (value) this.resolveTimeoutSignal();
  }

  /** False only when the platform's scope lists the item type with `extract: false`. */
  shouldExtract(itemType: string): boolean {
    const entry = this.extractionScope[itemType];
    return entry === undefined || entry.extract !== false;
  }

  /** Replaces the list of repos. */
  initializeRepos(repos: RepoInterface[]): void {
    this.repos = repos.map((r) => this.createRepo(r));
  }

  /** Adds one repo unless a repo of that item type exists already (keeps the others and their buffers). */
  addRepo(repo: RepoInterface): void {
    if (!this.repos.some((r) => r.itemType === repo.itemType)) this.repos.push(this.createRepo(repo));
  }

  /** The repo of an item type, if initialized. */
  getRepo(itemType: string): Repo | undefined {
    const repo = this.repos.find((r) => r.itemType === itemType);
    if (!repo) logger.warn({ itemType }, 'No repo for this item type; call initializeRepos first');
    return repo;
  }

  /** Saves the whole state to the platform. */
  async postState(): Promise<void> {
    await saveState(this.event, this.adapterState as object);
  }

  /**
   * Uploads every repo's buffered items, then appends each repo's artifacts of this invocation to
   * `artifacts` — all of them, on every call, as the SDK does (so a second call lists them again;
   * emit calls it once). Throws when an upload fails.
   */
  async uploadAllRepos(): Promise<void> {
    for (const repo of this.repos) {
      await repo.upload();
      this.artifacts.push(...repo.uploadedArtifacts);
    }
  }

  /**
   * Sends the invocation's single event (§3.2): uploads pending items, moves sync timestamps on
   * ATTACHMENT_EXTRACTION_DONE, saves state for stateful events, then POSTs to the callback URL.
   * A second call is ignored. When uploads, the state save or the POST fail, it throws and marks the
   * invocation as emitted, so the main thread reports `*_ERROR`.
   */
  async emit(type: ExtractorEventType | LoaderEventType, data?: EventData): Promise<void> {
    const eventType = translateOutgoingEventType(type);
    if (this.hasWorkerEmitted) {
      logger.warn({ eventType }, 'Ignoring emit request because it has already been emitted');
      return;
    }
    this.hasWorkerEmitted = true;
    const eventData: EventData = { ...(data ?? {}) };
    try {
      await this.moveExternalSyncUnitsToArtifact(eventType, eventData);
      await this.uploadAllRepos();
      if (eventType === ExtractorEventType.AttachmentExtractionDone) {
        completeExtractionCycle(this.event, this.adapterState as Partial<ExtractionSdkState>);
      }
      if (isStatefulEventType(this.event.payload.event_type)) await this.postState();
      if (eventData.error?.message !== undefined) {
        eventData.error = { ...eventData.error, message: truncateMessage(String(eventData.error.message)) };
      }
      const merged: EventData = isLoaderEventType(eventType)
        ? { ...eventData, reports: this.reports, processed_files: this.processedFiles }
        : { ...eventData, artifacts: this.artifacts };
      await postEvent({ event: this.event, eventType, data: merged, workerMetadata: this.itemMetadata(eventType) });
    } catch (error) {
      throw new Error(`Emitting ${eventType} failed: ${errorMessage(error)}`);
    }
    notifyEmitted(eventType);
    this.artifacts = [];
  }

  /** Streams the attachments listed in state to the platform (§6.1). */
  streamAttachments<Batch>(params: {
    stream: ExternalSystemAttachmentStreamingFunction;
    processors?: AttachmentProcessors<Batch>;
    batchSize?: number;
  }): Promise<StreamAttachmentsResponse> {
    return streamAttachments(this as WorkerAdapter<unknown>, params);
  }

  /** Streams a single attachment (for custom `processors.iterator` functions). */
  async processAttachment(
    attachment: NormalizedAttachment,
    stream: ExternalSystemAttachmentStreamingFunction,
  ): Promise<ProcessAttachmentReturnType | undefined> {
    this.addRepo({ itemType: AirSyncDefaultItemTypes.SSOR_ATTACHMENT });
    const meta = ensureAttachmentsMetadata(this.adapterState as object);
    const outcome = await processAttachment(this as WorkerAdapter<unknown>, attachment, stream, meta);
    return outcome.delay !== undefined ? { delay: outcome.delay } : undefined;
  }

  /** Loads the stats file's transformer files with the connector's create/update functions (§7). */
  loadItemTypes({ itemTypesToLoad }: { itemTypesToLoad: ItemTypeToLoad[] }): Promise<LoadItemTypesResponse> {
    return loadItemTypes(this as WorkerAdapter<unknown>, itemTypesToLoad);
  }

  /** Loads the stats file's attachment files with the connector's create function (§7). */
  loadAttachments({ create }: { create: ExternalSystemLoadingFunction<ExternalSystemAttachment> }): Promise<LoadItemTypesResponse> {
    return loadAttachments(this as WorkerAdapter<unknown>, create);
  }

  private createRepo(r: RepoInterface, overrides: { batchSize?: number; skipConfirmation?: boolean } = {}): Repo {
    const opts = { ...this.options, ...r.overridenOptions };
    return new Repo({
      event: this.event,
      itemType: r.itemType,
      normalize: r.normalize,
      batchSize: overrides.batchSize ?? opts.batchSize ?? ARTIFACT_BATCH_SIZE,
      skipConfirmation: overrides.skipConfirmation ?? opts.skipConfirmation,
      onUpload: (artifact, repo) => this.recordUpload(artifact, repo),
    });
  }

  private recordUpload(artifact: Artifact, repo: Repo): void {
    this.lastUploadedRepo = repo;
    if (artifact.item_type === AirSyncDefaultItemTypes.ATTACHMENTS) {
      ensureAttachmentsMetadata(this.adapterState as object).artifactIds.push(artifact.id);
    }
    this.artifactsJsonSize += Buffer.byteLength(JSON.stringify(artifact), 'utf8');
    if (this.artifactsJsonSize > EVENT_SIZE_THRESHOLD_BYTES && !this.isTimeout) {
      logger.warn({ bytes: this.artifactsJsonSize }, 'Event size budget reached; asking the worker to wrap up');
      this.isTimeout = true;
    }
  }

  private async moveExternalSyncUnitsToArtifact(eventType: string, data: EventData): Promise<void> {
    if (eventType !== ExtractorEventType.ExternalSyncUnitExtractionDone) return;
    const units = data.external_sync_units;
    delete data.external_sync_units;
    if (!units || units.length === 0) return;
    const repo = this.createRepo(
      { itemType: AirSyncDefaultItemTypes.EXTERNAL_SYNC_UNITS },
      { batchSize: EXTERNAL_SYNC_UNITS_BATCH_SIZE, skipConfirmation: true },
    );
    this.repos.push(repo);
    if (!(await repo.push(units))) throw new Error('Uploading the external sync units failed');
  }

  private itemMetadata(eventType: string): WorkerMetadata {
    const repo = this.lastUploadedRepo;
    if (!repo || !EVENTS_WITH_ITEM_METADATA.has(eventType)) return {};
    return { item_type: repo.itemType, ...repo.dateRange };
  }
}
