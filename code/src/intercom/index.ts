/** The Intercom boundary: client, typed errors, rate limiting, pagers. Schemas live in `./schemas`. */
export * from './constants';
export * from './regions';
export * from './errors';
export * from './redact';
export * from './rate-limit';
export * from './rate-limit-headers';
export * from './download-hosts';
export * from './file-hosts';
export * from './download';
export * from './guarded-agent';
export * from './pagers';
export * from './paging-guard';
export { IntercomClient } from './client';
export type { IntercomClientOptions, RequestOptions, DownloadResponse } from './client';
export { WAIT_WITHOUT_ASKING_MS } from './transport';
export type { IntercomLogger, IntercomStats } from './transport-types';
