/**
 * Our implementation of the `@devrev/ts-adaas` v1.20 public API: exactly the names the official
 * package's `dist/index.d.ts` exports (test: code/test/adaas/public-names.test.ts), minus the
 * deprecated pre-1.0 API and `MockServer`, which the snap-in does not use. Every other module imports
 * platform things only from here, so the official package replaces this folder by changing this file
 * to `export * from '@devrev/ts-adaas'` (what `npm run test:sdk` does). Internals (constants,
 * event-type translation, Repo, …) are imported from their own modules by our layer and its tests.
 */
export {
  AirSyncDefaultItemTypes,
  ErrorLevel,
  EventType,
  ExtractionMode,
  ExtractorEventType,
  InitialSyncScope,
  LoaderEventType,
  SyncMapperRecordStatus,
  SyncMapperRecordTargetType,
  SyncMode,
  TimeUnit,
  TimeValueType,
  WorkerEvent,
  WorkerMessageSubject,
} from './types';
export type {
  AdapterState, AdapterUpdateParams, AirdropEvent, AirdropMessage, Artifact, ArtifactsPrepareResponse,
  CollectionData, ConnectionData, CustomLinkData, CustomLinkNames, CustomStage, CustomState,
  DomainObjectState, EnumData, EnumValue, ErrorRecord, EventContext, EventContextIn, EventContextOut,
  EventData, ExternalDomainMetadata, ExternalProcessAttachmentFunction, ExternalSyncUnit,
  ExternalSystemAttachment, ExternalSystemAttachmentIteratorFunction, ExternalSystemAttachmentReducerFunction,
  ExternalSystemAttachmentStreamingFunction, ExternalSystemAttachmentStreamingParams,
  ExternalSystemAttachmentStreamingResponse, ExternalSystemItem, ExternalSystemItemLoadingParams,
  ExternalSystemItemLoadingResponse, ExtractionScope, ExtractorEvent, Field, FieldType, FloatData,
  InitialDomainMapping, IntData, LogRecord, MappersCreateParams, MappersGetByExternalIdParams,
  MappersGetByTargetIdParams, MappersUpdateParams, NormalizedAttachment, NormalizedItem,
  ProcessAttachmentReturnType, ProcessTaskInterface, RecordType, RecordTypeCategory, ReferenceData,
  ReferenceDetail, RepoInterface, SpawnFactoryInterface, SsorAttachment, StageDiagram,
  StreamAttachmentsResponse, StreamResponse, StructData, StructType, TaskAdapterInterface, TextData,
  TimeValue, UploadResponse, WorkerAdapterOptions, WorkerData, WorkerMessage, WorkerPathOverrides,
} from './types';

export { UNBOUNDED_DATE_TIME_VALUE } from './common/constants';
export { installInitialDomainMapping } from './common/install-initial-domain-mapping';
export { createMockEvent, MOCK_SERVER_DEFAULT_URL, type DeepPartial } from './common/test-utils';
export { axios, axiosClient, formatAxiosError, serializeAxiosError } from './http';

export { spawn } from './workers/spawn';
export { processTask } from './workers/process-task';
export { WorkerAdapter } from './workers/worker-adapter';
