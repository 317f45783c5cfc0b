import { Writable } from 'stream';
import { AxiosError, AxiosHeaders } from 'axios';
import {
  AirSyncDefaultItemTypes,
  EventType,
  ExtractorEventType,
  InitialSyncScope,
  LoaderEventType,
  SyncMode,
  TimeValueType,
  UNBOUNDED_DATE_TIME_VALUE,
} from '../../src/adaas';
import { ARTIFACT_BATCH_SIZE, DEFAULT_LAMBDA_TIMEOUT, EVENT_SIZE_THRESHOLD_BYTES, HARD_TIMEOUT_MULTIPLIER } from '../../src/adaas/common/constants';
import {
  getNoScriptEventType,
  getTimeoutErrorEventType,
  translateIncomingEventType,
  translateOutgoingEventType,
} from '../../src/adaas/common/event-type-translation';
import { parseGoDuration } from '../../src/adaas/common/time-value-resolver';
import { createLogger } from '../../src/adaas/common/logger';
import { truncateMessage } from '../../src/adaas/common/errors';
import { shouldRetryPlatformRequest } from '../../src/adaas/http/retry-policy';
import { truncateFileName } from '../../src/adaas/uploader/file-name';

// The pairs below are copied from the protocol reference (§2.1 / §2.2), not from the code.
const INCOMING_LEGACY: [string, string][] = [
  ['EXTRACTION_EXTERNAL_SYNC_UNITS_START', 'START_EXTRACTING_EXTERNAL_SYNC_UNITS'],
  ['EXTRACTION_METADATA_START', 'START_EXTRACTING_METADATA'],
  ['EXTRACTION_DATA_START', 'START_EXTRACTING_DATA'],
  ['EXTRACTION_DATA_CONTINUE', 'CONTINUE_EXTRACTING_DATA'],
  ['EXTRACTION_DATA_DELETE', 'START_DELETING_EXTRACTOR_STATE'],
  ['EXTRACTION_ATTACHMENTS_START', 'START_EXTRACTING_ATTACHMENTS'],
  ['EXTRACTION_ATTACHMENTS_CONTINUE', 'CONTINUE_EXTRACTING_ATTACHMENTS'],
  ['EXTRACTION_ATTACHMENTS_DELETE', 'START_DELETING_EXTRACTOR_ATTACHMENTS_STATE'],
];
const OUTGOING_LEGACY: [string, string][] = [
  ['EXTRACTION_EXTERNAL_SYNC_UNITS_DONE', 'EXTERNAL_SYNC_UNIT_EXTRACTION_DONE'],
  ['EXTRACTION_EXTERNAL_SYNC_UNITS_ERROR', 'EXTERNAL_SYNC_UNIT_EXTRACTION_ERROR'],
  ['EXTRACTION_METADATA_DONE', 'METADATA_EXTRACTION_DONE'],
  ['EXTRACTION_METADATA_ERROR', 'METADATA_EXTRACTION_ERROR'],
  ['EXTRACTION_DATA_PROGRESS', 'DATA_EXTRACTION_PROGRESS'],
  ['EXTRACTION_DATA_DELAY', 'DATA_EXTRACTION_DELAYED'],
  ['EXTRACTION_DATA_DONE', 'DATA_EXTRACTION_DONE'],
  ['EXTRACTION_DATA_ERROR', 'DATA_EXTRACTION_ERROR'],
  ['EXTRACTION_DATA_DELETE_DONE', 'EXTRACTOR_STATE_DELETION_DONE'],
  ['EXTRACTION_DATA_DELETE_ERROR', 'EXTRACTOR_STATE_DELETION_ERROR'],
  ['EXTRACTION_ATTACHMENTS_PROGRESS', 'ATTACHMENT_EXTRACTION_PROGRESS'],
  ['EXTRACTION_ATTACHMENTS_DELAY', 'ATTACHMENT_EXTRACTION_DELAYED'],
  ['EXTRACTION_ATTACHMENTS_DONE', 'ATTACHMENT_EXTRACTION_DONE'],
  ['EXTRACTION_ATTACHMENTS_ERROR', 'ATTACHMENT_EXTRACTION_ERROR'],
  ['EXTRACTION_ATTACHMENTS_DELETE_DONE', 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_DONE'],
  ['EXTRACTION_ATTACHMENTS_DELETE_ERROR', 'EXTRACTOR_ATTACHMENTS_STATE_DELETION_ERROR'],
];

describe('enums and constants', () => {
  it('have the SDK strings', () => {
    expect(EventType.StartExtractingData).toBe('START_EXTRACTING_DATA');
    expect(EventType.ExtractionDataStart).toBe('EXTRACTION_DATA_START');
    expect(EventType.StartDeletingLoaderAttachmentState).toBe('START_DELETING_LOADER_ATTACHMENT_STATE');
    expect(ExtractorEventType.DataExtractionDelayed).toBe('DATA_EXTRACTION_DELAYED');
    expect(ExtractorEventType.ExtractionDataDelay).toBe('EXTRACTION_DATA_DELAY');
    expect(LoaderEventType.DataLoadingDelay).toBe(LoaderEventType.DataLoadingDelayed);
    expect(LoaderEventType.AttachmentsLoadingDone).toBe('ATTACHMENT_LOADING_DONE');
    expect(Object.values(SyncMode)).toEqual(['INITIAL', 'INCREMENTAL', 'LOADING']);
    expect(Object.values(InitialSyncScope)).toEqual(['full-history', 'time-scoped']);
    expect(Object.values(TimeValueType).sort()).toEqual(
      ['absolute_time', 'current_time', 'unbounded', 'workers_newest', 'workers_newest_plus_window', 'workers_oldest', 'workers_oldest_minus_window'],
    );
    expect(Object.values(AirSyncDefaultItemTypes).sort()).toEqual(['attachments', 'external_domain_metadata', 'external_sync_units', 'ssor_attachment']);
    expect(ARTIFACT_BATCH_SIZE).toBe(2000);
    expect(EVENT_SIZE_THRESHOLD_BYTES).toBe(160000);
    expect(DEFAULT_LAMBDA_TIMEOUT).toBe(600000);
    expect(HARD_TIMEOUT_MULTIPLIER).toBe(1.3);
    expect(UNBOUNDED_DATE_TIME_VALUE).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('event type translation', () => {
  it.each(INCOMING_LEGACY)('incoming %s → %s', (legacy, current) => {
    expect(translateIncomingEventType(legacy)).toBe(current);
    expect(translateIncomingEventType(current)).toBe(current);
  });
  it.each(OUTGOING_LEGACY)('outgoing %s → %s', (legacy, current) => {
    expect(translateOutgoingEventType(legacy)).toBe(current);
    expect(translateOutgoingEventType(current)).toBe(current);
  });
  it('passes unknown strings through', () => {
    expect(translateIncomingEventType('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
  it.each([
    ['START_EXTRACTING_EXTERNAL_SYNC_UNITS', 'EXTERNAL_SYNC_UNIT_EXTRACTION_ERROR'],
    ['START_EXTRACTING_METADATA', 'METADATA_EXTRACTION_ERROR'],
    ['CONTINUE_EXTRACTING_DATA', 'DATA_EXTRACTION_ERROR'],
    ['CONTINUE_EXTRACTING_ATTACHMENTS', 'ATTACHMENT_EXTRACTION_ERROR'],
    ['START_DELETING_EXTRACTOR_STATE', 'EXTRACTOR_STATE_DELETION_ERROR'],
    ['START_LOADING_DATA', 'DATA_LOADING_ERROR'],
    ['CONTINUE_LOADING_ATTACHMENTS', 'ATTACHMENT_LOADING_ERROR'],
    ['START_DELETING_LOADER_ATTACHMENT_STATE', 'LOADER_ATTACHMENT_STATE_DELETION_ERROR'],
    ['SOMETHING_NEW', 'UNKNOWN_EVENT_TYPE'],
  ])('the error reply of %s is %s', (incoming, reply) => {
    expect(getTimeoutErrorEventType(incoming)).toBe(reply);
  });
  it('answers workerless non-deletion events with UNKNOWN_EVENT_TYPE', () => {
    expect(getNoScriptEventType('START_EXTRACTING_DATA')).toBe('UNKNOWN_EVENT_TYPE');
  });
});

describe('Go durations', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['250us', 0.25],
    ['0', 0],
  ])('%s = %d ms', (text, ms) => expect(parseGoDuration(text)).toBeCloseTo(ms));
  it.each(['', '5', '5d', 'abc', '1h 30m'])('rejects %j', (text) => expect(() => parseGoDuration(text)).toThrow(/Invalid Go duration/));
});

describe('helpers', () => {
  it('truncates messages with a count of what was dropped', () => {
    expect(truncateMessage('abc', 5)).toBe('abc');
    expect(truncateMessage('abcdefgh', 5)).toBe('abcde... 3 more characters');
  });

  it('cuts file names to 256 chars keeping short extensions', () => {
    const long = `${'n'.repeat(300)}.jsonl.gz`;
    const cut = truncateFileName(long);
    expect(cut).toHaveLength(256);
    expect(cut.endsWith('.gz')).toBe(true);
    expect(truncateFileName(`${'n'.repeat(300)}.${'e'.repeat(30)}`)).toHaveLength(256);
    expect(truncateFileName('short.txt')).toBe('short.txt');
  });

  const errorWith = (status: number | undefined, headers: Record<string, string> = {}, code?: string) => {
    const config = { headers: new AxiosHeaders(), method: 'post' } as any;
    const response = status === undefined ? undefined : ({ status, headers, data: {}, config, statusText: '' } as any);
    return new AxiosError('failed', code, config, {}, response);
  };
  it.each([
    [errorWith(500), true],
    [errorWith(503), true],
    [errorWith(429, { 'retry-after': '3' }), true],
    [errorWith(429, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), false],
    [errorWith(429), false],
    [errorWith(404), false],
    [errorWith(undefined, {}, 'ECONNRESET'), true],
    [errorWith(undefined, {}, 'ECONNABORTED'), true],
  ])('retry decision %#', (error, expected) => {
    expect(shouldRetryPlatformRequest(error)).toBe(expected);
  });

  it('the logger redacts tokens and connection keys', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger(sink, 'info');
    log.info({ headers: { Authorization: 'sa-token-1' }, payload: { connection_data: { key: 'icm-key-1' } }, context: { secrets: { service_account_token: 'sa-token-2' } } }, 'request');
    log.flush?.();
    await new Promise((r) => setImmediate(r));
    const out = lines.join('');
    expect(out).toContain('request');
    expect(out).not.toMatch(/sa-token|icm-key/);
    expect(out).toContain('[REDACTED]');
  });
});
