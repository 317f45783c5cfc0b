/**
 * Our implementation of the `@devrev/ts-adaas` v1.20 public API (same names, strings and wire
 * behaviour). Every other module imports platform things only from here, so the official package can
 * replace this folder by changing one import target.
 */
export * from './types';

export {
  LIBRARY_VERSION,
  ARTIFACT_BATCH_SIZE,
  EVENT_SIZE_THRESHOLD_BYTES,
  MAX_EVENT_SIZE_BYTES,
  DEFAULT_LAMBDA_TIMEOUT,
  HARD_TIMEOUT_MULTIPLIER,
  UNBOUNDED_DATE_TIME_VALUE,
  MAX_LOG_STRING_LENGTH,
  STATELESS_EVENT_TYPES,
} from './common/constants';
export {
  translateIncomingEventType,
  translateOutgoingEventType,
  getTimeoutErrorEventType,
  getNoScriptEventType,
} from './common/event-type-translation';
export { resolveTimeValue, parseGoDuration } from './common/time-value-resolver';
export { installInitialDomainMapping } from './common/install-initial-domain-mapping';
export { createMockEvent, MOCK_SERVER_DEFAULT_URL } from './common/test-utils';
export { axios, axiosClient, formatAxiosError, serializeAxiosError } from './http';

export { spawn } from './workers/spawn';
export { processTask } from './workers/process-task';
export { WorkerAdapter } from './workers/worker-adapter';
export { Repo } from './repo/repo';
export { Mappers } from './mappers/mappers';
