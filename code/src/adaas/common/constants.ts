import { EventType } from '../types/extraction';

/** Version of the SDK API this layer reproduces; sent as `X-DevRev-Client-Version` and in worker_metadata. */
export const LIBRARY_VERSION = '1.20.0';

/** Items per artifact unless `options.batchSize` says otherwise. */
export const ARTIFACT_BATCH_SIZE = 2000;
/** The ESU list travels in one artifact. */
export const EXTERNAL_SYNC_UNITS_BATCH_SIZE = 25000;

/** The platform transports events via SQS (256 KB); the SDK stays below 200 KB... */
export const MAX_EVENT_SIZE_BYTES = 200_000;
/** ...and asks the connector to wrap up once 80% of it is used by artifacts. */
export const EVENT_SIZE_THRESHOLD_BYTES = Math.floor(MAX_EVENT_SIZE_BYTES * 0.8);

/** Soft timeout of one invocation (ms); `options.timeout` may only lower it. */
export const DEFAULT_LAMBDA_TIMEOUT = 10 * 60 * 1000;
/** Hard timeout = soft timeout × this; the worker is then terminated. */
export const HARD_TIMEOUT_MULTIPLIER = 1.3;

/** Resolved value of an `unbounded` time value. */
export const UNBOUNDED_DATE_TIME_VALUE = '1970-01-01T00:00:00.000Z';

/** Longest error message sent to the platform before truncation. */
export const MAX_LOG_STRING_LENGTH = 10000;

/** Upload-url file name limits. */
export const MAX_FILE_NAME_LENGTH = 256;
export const MAX_FILE_EXTENSION_LENGTH = 20;

/** HTTP client defaults (§0 of the protocol). */
export const HTTP_TIMEOUT_MS = 30_000;
export const HTTP_MAX_RETRIES = 5;
export const HTTP_RETRY_BASE_DELAY_MS = 1000;

/** Concurrency bounds of streamAttachments. */
export const MIN_ATTACHMENT_CONCURRENCY = 1;
export const MAX_ATTACHMENT_CONCURRENCY = 50;

/** Incoming events that neither fetch nor save state. */
export const STATELESS_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  EventType.StartExtractingExternalSyncUnits,
  EventType.StartDeletingExtractorState,
  EventType.StartDeletingExtractorAttachmentsState,
  EventType.StartDeletingLoaderState,
  EventType.StartDeletingLoaderAttachmentState,
]);

/** Worker folder per incoming event type, used with `baseWorkerPath` when no workerPath is given. */
export const DEFAULT_WORKER_PHASE_DIRS: Readonly<Partial<Record<string, string>>> = {
  [EventType.StartExtractingExternalSyncUnits]: 'external-sync-units-extraction',
  [EventType.StartExtractingMetadata]: 'metadata-extraction',
  [EventType.StartExtractingData]: 'data-extraction',
  [EventType.ContinueExtractingData]: 'data-extraction',
  [EventType.StartExtractingAttachments]: 'attachments-extraction',
  [EventType.ContinueExtractingAttachments]: 'attachments-extraction',
  [EventType.StartLoadingData]: 'load-data',
  [EventType.ContinueLoadingData]: 'load-data',
  [EventType.StartLoadingAttachments]: 'load-attachments',
  [EventType.ContinueLoadingAttachments]: 'load-attachments',
};

/** True when the incoming event reads and writes state. */
export function isStatefulEventType(eventType: string): boolean {
  return !STATELESS_EVENT_TYPES.has(eventType);
}
