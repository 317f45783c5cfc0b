import type { ErrorRecord } from './common';

/**
 * Incoming event types (platform → connector). Deprecated members keep their legacy string values;
 * `spawn`/`processTask` translate legacy strings to the new ones, so connectors compare with the new members.
 */
export enum EventType {
  // Extraction
  StartExtractingExternalSyncUnits = 'START_EXTRACTING_EXTERNAL_SYNC_UNITS',
  StartExtractingMetadata = 'START_EXTRACTING_METADATA',
  StartExtractingData = 'START_EXTRACTING_DATA',
  ContinueExtractingData = 'CONTINUE_EXTRACTING_DATA',
  StartDeletingExtractorState = 'START_DELETING_EXTRACTOR_STATE',
  StartExtractingAttachments = 'START_EXTRACTING_ATTACHMENTS',
  ContinueExtractingAttachments = 'CONTINUE_EXTRACTING_ATTACHMENTS',
  StartDeletingExtractorAttachmentsState = 'START_DELETING_EXTRACTOR_ATTACHMENTS_STATE',
  // Loading
  StartLoadingData = 'START_LOADING_DATA',
  ContinueLoadingData = 'CONTINUE_LOADING_DATA',
  StartLoadingAttachments = 'START_LOADING_ATTACHMENTS',
  ContinueLoadingAttachments = 'CONTINUE_LOADING_ATTACHMENTS',
  StartDeletingLoaderState = 'START_DELETING_LOADER_STATE',
  StartDeletingLoaderAttachmentState = 'START_DELETING_LOADER_ATTACHMENT_STATE',
  UnknownEventType = 'UNKNOWN_EVENT_TYPE',
  /** @deprecated */ ExtractionExternalSyncUnitsStart = 'EXTRACTION_EXTERNAL_SYNC_UNITS_START',
  /** @deprecated */ ExtractionMetadataStart = 'EXTRACTION_METADATA_START',
  /** @deprecated */ ExtractionDataStart = 'EXTRACTION_DATA_START',
  /** @deprecated */ ExtractionDataContinue = 'EXTRACTION_DATA_CONTINUE',
  /** @deprecated */ ExtractionDataDelete = 'EXTRACTION_DATA_DELETE',
  /** @deprecated */ ExtractionAttachmentsStart = 'EXTRACTION_ATTACHMENTS_START',
  /** @deprecated */ ExtractionAttachmentsContinue = 'EXTRACTION_ATTACHMENTS_CONTINUE',
  /** @deprecated */ ExtractionAttachmentsDelete = 'EXTRACTION_ATTACHMENTS_DELETE',
}

/**
 * Outgoing extraction event types (connector → platform). Legacy members are translated to the new
 * strings before they are POSTed, so the wire only carries new strings.
 */
export enum ExtractorEventType {
  ExternalSyncUnitExtractionDone = 'EXTERNAL_SYNC_UNIT_EXTRACTION_DONE',
  ExternalSyncUnitExtractionError = 'EXTERNAL_SYNC_UNIT_EXTRACTION_ERROR',
  MetadataExtractionDone = 'METADATA_EXTRACTION_DONE',
  MetadataExtractionError = 'METADATA_EXTRACTION_ERROR',
  DataExtractionProgress = 'DATA_EXTRACTION_PROGRESS',
  DataExtractionDelayed = 'DATA_EXTRACTION_DELAYED',
  DataExtractionDone = 'DATA_EXTRACTION_DONE',
  DataExtractionError = 'DATA_EXTRACTION_ERROR',
  ExtractorStateDeletionDone = 'EXTRACTOR_STATE_DELETION_DONE',
  ExtractorStateDeletionError = 'EXTRACTOR_STATE_DELETION_ERROR',
  AttachmentExtractionProgress = 'ATTACHMENT_EXTRACTION_PROGRESS',
  AttachmentExtractionDelayed = 'ATTACHMENT_EXTRACTION_DELAYED',
  AttachmentExtractionDone = 'ATTACHMENT_EXTRACTION_DONE',
  AttachmentExtractionError = 'ATTACHMENT_EXTRACTION_ERROR',
  ExtractorAttachmentsStateDeletionDone = 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_DONE',
  ExtractorAttachmentsStateDeletionError = 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_ERROR',
  UnknownEventType = 'UNKNOWN_EVENT_TYPE',
  /** @deprecated */ ExtractionExternalSyncUnitsDone = 'EXTRACTION_EXTERNAL_SYNC_UNITS_DONE',
  /** @deprecated */ ExtractionExternalSyncUnitsError = 'EXTRACTION_EXTERNAL_SYNC_UNITS_ERROR',
  /** @deprecated */ ExtractionMetadataDone = 'EXTRACTION_METADATA_DONE',
  /** @deprecated */ ExtractionMetadataError = 'EXTRACTION_METADATA_ERROR',
  /** @deprecated */ ExtractionDataProgress = 'EXTRACTION_DATA_PROGRESS',
  /** @deprecated */ ExtractionDataDelay = 'EXTRACTION_DATA_DELAY',
  /** @deprecated */ ExtractionDataDone = 'EXTRACTION_DATA_DONE',
  /** @deprecated */ ExtractionDataError = 'EXTRACTION_DATA_ERROR',
  /** @deprecated */ ExtractionDataDeleteDone = 'EXTRACTION_DATA_DELETE_DONE',
  /** @deprecated */ ExtractionDataDeleteError = 'EXTRACTION_DATA_DELETE_ERROR',
  /** @deprecated */ ExtractionAttachmentsProgress = 'EXTRACTION_ATTACHMENTS_PROGRESS',
  /** @deprecated */ ExtractionAttachmentsDelay = 'EXTRACTION_ATTACHMENTS_DELAY',
  /** @deprecated */ ExtractionAttachmentsDone = 'EXTRACTION_ATTACHMENTS_DONE',
  /** @deprecated */ ExtractionAttachmentsError = 'EXTRACTION_ATTACHMENTS_ERROR',
  /** @deprecated */ ExtractionAttachmentsDeleteDone = 'EXTRACTION_ATTACHMENTS_DELETE_DONE',
  /** @deprecated */ ExtractionAttachmentsDeleteError = 'EXTRACTION_ATTACHMENTS_DELETE_ERROR',
}

/** Kind of a `TimeValue` sent in `extraction_start_time` / `extraction_end_time`. */
/** Go duration units accepted in relative time values (`resolveTimeValue`). */
export enum TimeUnit {
  NANOSECONDS = 'ns',
  MICROSECONDS = 'us',
  MICROSECONDS_MU = '\u00B5s',
  MILLISECONDS = 'ms',
  SECONDS = 's',
  MINUTES = 'm',
  HOURS = 'h',
}

export enum TimeValueType {
  WORKERS_OLDEST = 'workers_oldest',
  WORKERS_OLDEST_MINUS_WINDOW = 'workers_oldest_minus_window',
  WORKERS_NEWEST = 'workers_newest',
  WORKERS_NEWEST_PLUS_WINDOW = 'workers_newest_plus_window',
  CURRENT_TIME = 'current_time',
  ABSOLUTE_TIME = 'absolute_time',
  UNBOUNDED = 'unbounded',
}

/** A point in time as the platform describes it; `value` is ISO 8601 or a Go duration (`*_window`). */
export interface TimeValue {
  type: TimeValueType;
  value?: string;
}

/** Scope of an initial import (manifest capability TIME_SCOPED_SYNCS). */
export enum InitialSyncScope {
  FULL_HISTORY = 'full-history',
  TIME_SCOPED = 'time-scoped',
}

/** Item types with a meaning of their own for the platform. */
export enum AirSyncDefaultItemTypes {
  EXTERNAL_DOMAIN_METADATA = 'external_domain_metadata',
  ATTACHMENTS = 'attachments',
  SSOR_ATTACHMENT = 'ssor_attachment',
  EXTERNAL_SYNC_UNITS = 'external_sync_units',
}

/** Credentials and identity of the external organization picked in the connection. */
export interface ConnectionData {
  org_id: string;
  org_name: string;
  key: string;
  key_type: string;
}

/** Context of one invocation; echoed back verbatim in the outgoing event (incl. computed extract_from/to). */
export interface EventContext {
  callback_url: string;
  /** @deprecated use dev_oid */ dev_org: string;
  dev_oid: string;
  dev_org_id: string;
  /** @deprecated use dev_uid */ dev_user: string;
  /** @deprecated use dev_uid */ dev_user_id: string;
  dev_uid: string;
  event_type_adaas: string;
  /** @deprecated use external_sync_unit_id */ external_sync_unit: string;
  external_sync_unit_id: string;
  external_sync_unit_name: string;
  /** @deprecated use external_system_id */ external_system: string;
  external_system_id: string;
  external_system_name: string;
  external_system_type: string;
  /** ISO 8601, computed by the SDK from `extraction_start_time`. */
  extract_from?: string;
  /** ISO 8601, computed by the SDK from `extraction_end_time`. */
  extract_to?: string;
  extraction_start_time?: TimeValue;
  extraction_end_time?: TimeValue;
  import_slug: string;
  initial_sync_scope?: InitialSyncScope;
  mode: string;
  request_id: string;
  request_id_adaas: string;
  /** @deprecated */ reset_extraction?: boolean;
  /** @deprecated */ reset_extract_from?: boolean;
  run_id: string;
  sequence_version: string;
  snap_in_slug: string;
  snap_in_version_id: string;
  /** @deprecated use run_id */ sync_run: string;
  /** @deprecated use run_id */ sync_run_id: string;
  sync_tier: string;
  sync_unit: string;
  sync_unit_id: string;
  /** @deprecated use request_id_adaas */ uuid: string;
  worker_data_url: string;
}

/** @deprecated alias kept for API compatibility. */
export type EventContextIn = EventContext;
/** @deprecated alias kept for API compatibility. */
export type EventContextOut = EventContext;

/** Snap-in inputs of the invocation (`input_data`). */
export interface InputData {
  global_values: Record<string, string>;
  event_sources: Record<string, string>;
  keyrings?: Record<string, string> | null;
  resources?: { keyrings?: Record<string, unknown>; tags?: Record<string, unknown> };
}

/** One artifact uploaded during an invocation, as reported in `event_data.artifacts`. */
export interface Artifact {
  id: string;
  item_type: string;
  item_count: number;
  oldest_created_date?: string;
  newest_created_date?: string;
  oldest_modified_date?: string;
  newest_modified_date?: string;
}

/** A user-pickable unit of the external system (project, workspace...). */
export interface ExternalSyncUnit {
  id: string;
  name: string;
  description: string;
  item_count?: number;
  item_type?: string;
}

/** `event_data` of incoming and outgoing events. */
export interface EventData {
  /** @deprecated inline form; the SDK moves them to an artifact. */
  external_sync_units?: ExternalSyncUnit[];
  /** @deprecated the platform computes progress. */
  progress?: number;
  error?: ErrorRecord;
  /** Seconds to wait before CONTINUE, for `*_DELAYED`. */
  delay?: number;
  artifacts?: Artifact[];
  reports?: import('./loading').LoaderReport[];
  processed_files?: string[];
  /** Input side, loading: artifact id of the stats file. */
  stats_file?: string;
}

/** The body of a platform invocation for one event. */
export interface AirdropMessage {
  connection_data: ConnectionData;
  event_context: EventContext;
  event_type: EventType;
  event_data?: EventData;
}

/** One element of the `events` array a snap-in function receives. */
export interface AirdropEvent {
  context: {
    secrets: { service_account_token: string };
    snap_in_version_id: string;
    snap_in_id: string;
  };
  payload: AirdropMessage;
  execution_metadata: { devrev_endpoint: string; [key: string]: unknown };
  input_data: InputData;
}

/** Extra facts about the work done, sent with every outgoing event. */
export interface WorkerMetadata {
  adaas_library_version?: string;
  item_type?: string;
  oldest_created_date?: string;
  newest_created_date?: string;
  oldest_modified_date?: string;
  newest_modified_date?: string;
  oldest_state_date?: string;
  newest_state_date?: string;
}

/** The body POSTed to `callback_url` (loader events have the same shape). */
export interface ExtractorEvent {
  event_type: string;
  event_context: EventContext;
  event_data?: EventData;
  worker_metadata?: WorkerMetadata;
}

/** An extracted record: external id, timestamps, and all other fields in `data`. */
export interface NormalizedItem {
  id: string;
  created_date: string;
  modified_date: string;
  data: object;
}

/** An attachment reference extracted in the data phase; the attachments phase downloads `url`. */
export interface NormalizedAttachment {
  url: string;
  id: string;
  file_name: string;
  parent_id: string;
  author_id?: string;
  inline?: boolean;
  content_type?: string;
  created_date?: string;
  modified_date?: string;
  grand_parent_id?: number | string;
}

/** A repo (artifact stream) for one item type. `normalize` maps a raw record to the platform shape. */
export interface RepoInterface {
  itemType: string;
  normalize?: (record: object) => NormalizedItem | NormalizedAttachment;
  overridenOptions?: import('./workers').WorkerAdapterOptions;
}

/** Record-type selection from the state `.get` response (`objects`). */
export type ExtractionScope = Record<string, { extract: boolean }>;

/** @deprecated per-domain-object bookkeeping of old connectors. */
export interface DomainObjectState {
  name: string;
  nextChunkId: number;
  pages?: { pages: number[] };
  lastModified: string;
  isDone: boolean;
  count: number;
}

/** @deprecated */
export interface AdapterUpdateParams {
  artifact?: Artifact;
  extractor_state?: object;
}
