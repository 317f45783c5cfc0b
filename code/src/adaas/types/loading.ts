import type { AirdropEvent, EventContext, EventData, WorkerMetadata } from './extraction';
import type { Mappers } from '../mappers/mappers';

/** Outgoing loading event types (connector → platform). Aliases share their string on purpose. */
export enum LoaderEventType {
  DataLoadingProgress = 'DATA_LOADING_PROGRESS',
  DataLoadingDelayed = 'DATA_LOADING_DELAYED',
  /** @deprecated use DataLoadingDelayed */ DataLoadingDelay = 'DATA_LOADING_DELAYED',
  DataLoadingDone = 'DATA_LOADING_DONE',
  DataLoadingError = 'DATA_LOADING_ERROR',
  AttachmentLoadingProgress = 'ATTACHMENT_LOADING_PROGRESS',
  AttachmentLoadingDelayed = 'ATTACHMENT_LOADING_DELAYED',
  AttachmentLoadingDone = 'ATTACHMENT_LOADING_DONE',
  AttachmentLoadingError = 'ATTACHMENT_LOADING_ERROR',
  /** @deprecated */ AttachmentsLoadingProgress = 'ATTACHMENT_LOADING_PROGRESS',
  /** @deprecated */ AttachmentsLoadingDelayed = 'ATTACHMENT_LOADING_DELAYED',
  /** @deprecated */ AttachmentsLoadingDone = 'ATTACHMENT_LOADING_DONE',
  /** @deprecated */ AttachmentsLoadingError = 'ATTACHMENT_LOADING_ERROR',
  LoaderStateDeletionDone = 'LOADER_STATE_DELETION_DONE',
  LoaderStateDeletionError = 'LOADER_STATE_DELETION_ERROR',
  LoaderAttachmentStateDeletionDone = 'LOADER_ATTACHMENT_STATE_DELETION_DONE',
  LoaderAttachmentStateDeletionError = 'LOADER_ATTACHMENT_STATE_DELETION_ERROR',
  UnknownEventType = 'UNKNOWN_EVENT_TYPE',
}

/** A loader callback body (same shape as ExtractorEvent). */
export interface LoaderEvent {
  event_type: string;
  event_context: EventContext;
  event_data?: EventData;
  worker_metadata?: WorkerMetadata;
}

/** One line of the loader stats file (plain JSONL). `count` is a string on the wire. */
export interface StatsFileObject {
  id: string;
  item_type: string;
  file_name: string;
  count: string;
}

/** A transformer file to load, tracked in `state.fromDevRev.filesToLoad`. */
export interface FileToLoad {
  id: string;
  file_name: string;
  itemType: string;
  count: number;
  lineToProcess: number;
  completed: boolean;
}

/** A DevRev record to create or update in the external system. */
export interface ExternalSystemItem {
  id: { devrev: string; external?: string };
  created_date: string;
  modified_date: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

/** A DevRev attachment to create in the external system. */
export interface ExternalSystemAttachment {
  reference_id: string;
  parent_type: string;
  parent_reference_id: string;
  file_name: string;
  file_type: string;
  file_size: number;
  url: string;
  valid_until: string;
  created_by_id: string;
  created_date: string;
  modified_by_id: string;
  modified_date: string;
  parent_id?: string;
  grand_parent_id?: string;
}

/** Arguments of a connector create/update function. */
export interface ExternalSystemItemLoadingParams<Item> {
  item: Item;
  mappers: Mappers;
  event: AirdropEvent;
}

/** What a connector create/update function returns: the external id, or an error, or a delay. */
export interface ExternalSystemItemLoadingResponse {
  id?: string;
  error?: string;
  modifiedDate?: string;
  delay?: number;
}

/** A connector create/update function. */
export type ExternalSystemLoadingFunction<Item> = (
  params: ExternalSystemItemLoadingParams<Item>,
) => Promise<ExternalSystemItemLoadingResponse>;

/** One item type the connector can load, with its create and update functions. */
export interface ItemTypeToLoad {
  itemType: string;
  create: ExternalSystemLoadingFunction<ExternalSystemItem>;
  update: ExternalSystemLoadingFunction<ExternalSystemItem>;
}

/** Counts per item type reported in `event_data.reports`. */
export interface LoaderReport {
  item_type: string;
  created?: number;
  updated?: number;
  skipped?: number;
  deleted?: number;
  failed?: number;
}

/** Outcome of loading one item. */
export enum ActionType {
  CREATED = 'created',
  UPDATED = 'updated',
  SKIPPED = 'skipped',
  DELETED = 'deleted',
  FAILED = 'failed',
}

/** Result of `loadItemTypes` / `loadAttachments`. */
export interface LoadItemTypesResponse {
  reports: LoaderReport[];
  processed_files: string[];
}
