import * as adaas from '../../src/adaas';
import { Mappers } from '../../src/adaas/mappers/mappers';

// Runtime exports a connector (or the official package swap) relies on: protocol reference §9.
const RUNTIME_EXPORTS = [
  'spawn',
  'processTask',
  'WorkerAdapter',
  'createMockEvent',
  'MOCK_SERVER_DEFAULT_URL',
  'installInitialDomainMapping',
  'formatAxiosError',
  'serializeAxiosError',
  'axios',
  'axiosClient',
  'EventType',
  'ExtractorEventType',
  'LoaderEventType',
  'SyncMode',
  'ExtractionMode',
  'InitialSyncScope',
  'TimeValueType',
  'ErrorLevel',
  'AirSyncDefaultItemTypes',
  'UNBOUNDED_DATE_TIME_VALUE',
  'SyncMapperRecordStatus',
  'SyncMapperRecordTargetType',
  'WorkerMessageSubject',
  'WorkerEvent',
];

describe('public API surface', () => {
  it.each(RUNTIME_EXPORTS)('exports %s', (name) => {
    expect((adaas as Record<string, unknown>)[name]).toBeDefined();
  });

  it('WorkerAdapter has the SDK members', () => {
    const methods = Object.getOwnPropertyNames(adaas.WorkerAdapter.prototype);
    for (const m of ['emit', 'postState', 'uploadAllRepos', 'initializeRepos', 'getRepo', 'shouldExtract', 'streamAttachments', 'processAttachment', 'loadItemTypes', 'loadAttachments']) {
      expect(methods).toContain(m);
    }
    const adapter = new adaas.WorkerAdapter({ event: adaas.createMockEvent(), state: {} });
    expect(adapter).toMatchObject({ hasWorkerEmitted: false, isTimeout: false, artifacts: [], reports: [], processedFiles: [] });
    expect(adapter.timeoutSignal).toBeInstanceOf(Promise);
    expect(adapter.mappers).toBeInstanceOf(Mappers);
    expect(adapter.state).toEqual({});
  });

  it('processTask is a no-op on the main thread', () => {
    let ran = false;
    adaas.processTask({ task: async () => void (ran = true), onTimeout: async () => {} });
    expect(ran).toBe(false);
  });
});
