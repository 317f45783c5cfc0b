import { EventType, ExtractorEventType } from '../types/extraction';
import { LoaderEventType } from '../types/loading';
import { logger } from './logger';

const INCOMING_LEGACY_TO_NEW: Readonly<Record<string, EventType>> = {
  [EventType.ExtractionExternalSyncUnitsStart]: EventType.StartExtractingExternalSyncUnits,
  [EventType.ExtractionMetadataStart]: EventType.StartExtractingMetadata,
  [EventType.ExtractionDataStart]: EventType.StartExtractingData,
  [EventType.ExtractionDataContinue]: EventType.ContinueExtractingData,
  [EventType.ExtractionDataDelete]: EventType.StartDeletingExtractorState,
  [EventType.ExtractionAttachmentsStart]: EventType.StartExtractingAttachments,
  [EventType.ExtractionAttachmentsContinue]: EventType.ContinueExtractingAttachments,
  [EventType.ExtractionAttachmentsDelete]: EventType.StartDeletingExtractorAttachmentsState,
};

const OUTGOING_LEGACY_TO_NEW: Readonly<Record<string, ExtractorEventType>> = {
  [ExtractorEventType.ExtractionExternalSyncUnitsDone]: ExtractorEventType.ExternalSyncUnitExtractionDone,
  [ExtractorEventType.ExtractionExternalSyncUnitsError]: ExtractorEventType.ExternalSyncUnitExtractionError,
  [ExtractorEventType.ExtractionMetadataDone]: ExtractorEventType.MetadataExtractionDone,
  [ExtractorEventType.ExtractionMetadataError]: ExtractorEventType.MetadataExtractionError,
  [ExtractorEventType.ExtractionDataProgress]: ExtractorEventType.DataExtractionProgress,
  [ExtractorEventType.ExtractionDataDelay]: ExtractorEventType.DataExtractionDelayed,
  [ExtractorEventType.ExtractionDataDone]: ExtractorEventType.DataExtractionDone,
  [ExtractorEventType.ExtractionDataError]: ExtractorEventType.DataExtractionError,
  [ExtractorEventType.ExtractionDataDeleteDone]: ExtractorEventType.ExtractorStateDeletionDone,
  [ExtractorEventType.ExtractionDataDeleteError]: ExtractorEventType.ExtractorStateDeletionError,
  [ExtractorEventType.ExtractionAttachmentsProgress]: ExtractorEventType.AttachmentExtractionProgress,
  [ExtractorEventType.ExtractionAttachmentsDelay]: ExtractorEventType.AttachmentExtractionDelayed,
  [ExtractorEventType.ExtractionAttachmentsDone]: ExtractorEventType.AttachmentExtractionDone,
  [ExtractorEventType.ExtractionAttachmentsError]: ExtractorEventType.AttachmentExtractionError,
  [ExtractorEventType.ExtractionAttachmentsDeleteDone]: ExtractorEventType.ExtractorAttachmentsStateDeletionDone,
  [ExtractorEventType.ExtractionAttachmentsDeleteError]: ExtractorEventType.ExtractorAttachmentsStateDeletionError,
};

const KNOWN_INCOMING: ReadonlySet<string> = new Set(Object.values(EventType));

/** Maps a legacy incoming event string to its new value; new and unknown strings pass through. */
export function translateIncomingEventType(eventType: string): EventType {
  const translated = INCOMING_LEGACY_TO_NEW[eventType];
  if (translated) return translated;
  if (!KNOWN_INCOMING.has(eventType)) logger.warn({ eventType }, 'Unknown incoming event type; passed through');
  return eventType as EventType;
}

/** Maps a legacy outgoing extractor event string to its new value; others pass through. */
export function translateOutgoingEventType(eventType: string): ExtractorEventType | LoaderEventType {
  return OUTGOING_LEGACY_TO_NEW[eventType] ?? (eventType as ExtractorEventType | LoaderEventType);
}

const ERROR_EVENT_FOR_INCOMING: Readonly<Record<string, ExtractorEventType | LoaderEventType>> = {
  [EventType.StartExtractingExternalSyncUnits]: ExtractorEventType.ExternalSyncUnitExtractionError,
  [EventType.StartExtractingMetadata]: ExtractorEventType.MetadataExtractionError,
  [EventType.StartExtractingData]: ExtractorEventType.DataExtractionError,
  [EventType.ContinueExtractingData]: ExtractorEventType.DataExtractionError,
  [EventType.StartDeletingExtractorState]: ExtractorEventType.ExtractorStateDeletionError,
  [EventType.StartExtractingAttachments]: ExtractorEventType.AttachmentExtractionError,
  [EventType.ContinueExtractingAttachments]: ExtractorEventType.AttachmentExtractionError,
  [EventType.StartDeletingExtractorAttachmentsState]: ExtractorEventType.ExtractorAttachmentsStateDeletionError,
  [EventType.StartLoadingData]: LoaderEventType.DataLoadingError,
  [EventType.ContinueLoadingData]: LoaderEventType.DataLoadingError,
  [EventType.StartLoadingAttachments]: LoaderEventType.AttachmentLoadingError,
  [EventType.ContinueLoadingAttachments]: LoaderEventType.AttachmentLoadingError,
  [EventType.StartDeletingLoaderState]: LoaderEventType.LoaderStateDeletionError,
  [EventType.StartDeletingLoaderAttachmentState]: LoaderEventType.LoaderAttachmentStateDeletionError,
};

const PROGRESS_EVENT_FOR_INCOMING: Readonly<Record<string, ExtractorEventType | LoaderEventType>> = {
  [EventType.StartExtractingData]: ExtractorEventType.DataExtractionProgress,
  [EventType.ContinueExtractingData]: ExtractorEventType.DataExtractionProgress,
  [EventType.StartExtractingAttachments]: ExtractorEventType.AttachmentExtractionProgress,
  [EventType.ContinueExtractingAttachments]: ExtractorEventType.AttachmentExtractionProgress,
  [EventType.StartLoadingData]: LoaderEventType.DataLoadingProgress,
  [EventType.ContinueLoadingData]: LoaderEventType.DataLoadingProgress,
  [EventType.StartLoadingAttachments]: LoaderEventType.AttachmentLoadingProgress,
  [EventType.ContinueLoadingAttachments]: LoaderEventType.AttachmentLoadingProgress,
};

const DONE_EVENT_FOR_DELETION: Readonly<Record<string, ExtractorEventType | LoaderEventType>> = {
  [EventType.StartDeletingExtractorState]: ExtractorEventType.ExtractorStateDeletionDone,
  [EventType.StartDeletingExtractorAttachmentsState]: ExtractorEventType.ExtractorAttachmentsStateDeletionDone,
  [EventType.StartDeletingLoaderState]: LoaderEventType.LoaderStateDeletionDone,
  [EventType.StartDeletingLoaderAttachmentState]: LoaderEventType.LoaderAttachmentStateDeletionDone,
};

/** The `*_ERROR` reply of an incoming (new-style) event type; UNKNOWN_EVENT_TYPE when it has none. */
export function getTimeoutErrorEventType(eventType: string): ExtractorEventType | LoaderEventType {
  return ERROR_EVENT_FOR_INCOMING[eventType] ?? ExtractorEventType.UnknownEventType;
}

/** The `*_PROGRESS` reply of a resumable incoming event type, if any. */
export function getProgressEventType(eventType: string): ExtractorEventType | LoaderEventType | undefined {
  return PROGRESS_EVENT_FOR_INCOMING[eventType];
}

/** Reply when no worker exists: `*_DONE` for deletions, UNKNOWN_EVENT_TYPE otherwise. */
export function getNoScriptEventType(eventType: string): ExtractorEventType | LoaderEventType {
  return DONE_EVENT_FOR_DELETION[eventType] ?? ExtractorEventType.UnknownEventType;
}

const LOADER_EVENT_STRINGS: ReadonlySet<string> = new Set(Object.values(LoaderEventType));

/** True for outgoing loader event strings (they carry reports/processed_files instead of artifacts). */
export function isLoaderEventType(eventType: string): boolean {
  return LOADER_EVENT_STRINGS.has(eventType) && eventType !== LoaderEventType.UnknownEventType;
}
