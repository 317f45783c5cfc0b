import { ExtractorEventType, LoaderEventType, EventType } from '../../src/adaas';
import { usePlatformServer } from './helpers/platform-server';
import { adapterFor, seedState as seedStateOn, SNAP_IN_VERSION, storedState, testEvent } from './helpers/adapter';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const server = usePlatformServer();

const seedState = (extra: Record<string, unknown> = {}) => seedStateOn(server, extra);

describe('emit on the wire', () => {
  it('POSTs to callback_url with the SDK headers, the event_context verbatim and worker_metadata', async () => {
    seedState();
    const event = testEvent(server, EventType.StartExtractingData);
    const adapter = await adapterFor(event, {});
    await adapter.emit(ExtractorEventType.DataExtractionDone);

    const [cb] = server.callbacks();
    expect(cb.headers.authorization).toBe('test-service-account-token');
    expect(cb.headers.accept).toBe('application/json, text/plain, */*');
    expect(cb.headers['content-type']).toMatch(/^application\/json/);
    expect(cb.headers['x-devrev-client-platform']).toBe('test-snap-in');
    expect(cb.headers['x-devrev-client-id']).toBe(SNAP_IN_VERSION);
    expect(cb.headers['x-devrev-client-version']).toBe('1.20.0');
    expect(cb.json.event_type).toBe('DATA_EXTRACTION_DONE');
    expect(cb.json.event_context).toEqual(adapter.event.payload.event_context);
    expect(cb.json.event_context.callback_url).toBe(`${server.baseUrl}/callback_url`);
    expect(cb.json.event_data).toEqual({ artifacts: [] });
    expect(cb.json.worker_metadata).toEqual({ adaas_library_version: '1.20.0' });
  });

  const extractorTypes = Object.entries(ExtractorEventType).filter(([name]) => !name.startsWith('Extraction'));
  it.each(extractorTypes)('extractor event %s goes out as %s with event_data.artifacts', async (_name, wire) => {
    seedState();
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    await adapter.emit(wire as ExtractorEventType);
    const [cb] = server.callbacks();
    expect(cb.json.event_type).toBe(wire);
    expect(cb.json.event_data).toEqual({ artifacts: [] });
  });

  it.each(Object.entries(ExtractorEventType).filter(([name]) => name.startsWith('Extraction')))(
    'legacy outgoing member %s (%s) is translated before the POST',
    async (name, legacy) => {
      seedState();
      const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
      await adapter.emit(legacy as ExtractorEventType);
      const wire = server.callbacks()[0].json.event_type;
      expect(wire).not.toBe(legacy);
      expect(Object.values(ExtractorEventType)).toContain(wire);
      expect(wire.startsWith('EXTRACTION_')).toBe(false);
      expect(name).toMatch(/^Extraction/);
    },
  );

  it.each(Object.values(LoaderEventType).filter((t) => t !== 'UNKNOWN_EVENT_TYPE'))(
    'loader event %s carries reports and processed_files instead of artifacts',
    async (wire) => {
      seedState();
      const event = testEvent(server, EventType.ContinueLoadingData, { payload: { event_context: { mode: 'LOADING' } } });
      const adapter = await adapterFor(event, {});
      adapter.reports.push({ item_type: 'tasks', created: 2 });
      adapter.processedFiles.push('file-1');
      await adapter.emit(wire);
      const [cb] = server.callbacks();
      expect(cb.json.event_type).toBe(wire);
      expect(cb.json.event_data).toEqual({ reports: [{ item_type: 'tasks', created: 2 }], processed_files: ['file-1'] });
    },
  );

  it('sends delay as a number and truncates long error messages to 10000 characters', async () => {
    seedState();
    const a = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    await a.emit(ExtractorEventType.DataExtractionDelayed, { delay: 30 });
    const b = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    await b.emit(ExtractorEventType.DataExtractionError, { error: { message: 'x'.repeat(10050) } });
    const [delayed, failed] = server.callbacks();
    expect(delayed.json.event_data).toEqual({ delay: 30, artifacts: [] });
    expect(failed.json.event_data.error.message).toBe(`${'x'.repeat(10000)}... 50 more characters`);
  });

  it('emits exactly once: later emits are ignored', async () => {
    seedState();
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
    await adapter.emit(ExtractorEventType.DataExtractionDone);
    expect(server.callbacks().map((c) => c.json.event_type)).toEqual(['DATA_EXTRACTION_PROGRESS']);
    expect(adapter.hasWorkerEmitted).toBe(true);
  });

  it('a dropped connection on the callback POST is retried (network errors: any method)', async () => {
    seedState();
    server.script('POST', '/callback_url', { status: 0, destroy: true, times: 1 });
    server.script('POST', '/callback_url', { status: 503, times: 1 });
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    await adapter.emit(ExtractorEventType.DataExtractionDone);
    const callbacks = server.callbacks();
    expect(callbacks).toHaveLength(3);
    expect(callbacks.every((c) => c.json.event_type === 'DATA_EXTRACTION_DONE')).toBe(true);
  });

  it('a failing callback (after retries) throws and still counts as emitted', async () => {
    seedState();
    server.script('POST', '/callback_url', { status: 400, body: { message: 'bad event' } });
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    await expect(adapter.emit(ExtractorEventType.DataExtractionDone)).rejects.toThrow(/Emitting DATA_EXTRACTION_DONE failed: POST .*callback_url failed: 400/);
    expect(adapter.hasWorkerEmitted).toBe(true);
    expect(server.callbacks()).toHaveLength(1); // 4xx is not retried
  });
});

describe('state', () => {
  it('404 → the initial state with SDK defaults is saved at once (double-encoded, raw auth, query params)', async () => {
    const event = testEvent(server, EventType.StartExtractingData);
    const adapter = await adapterFor(event, { cursor: 'start' });
    const [get] = server.find('GET', '/worker_data_url.get');
    expect(get.query).toEqual({ sync_unit: '1', request_id: 'test-request-id' });
    expect(get.headers.authorization).toBe('test-service-account-token');
    const [first] = server.find('POST', '/worker_data_url.update');
    expect(first.query).toEqual({ sync_unit: '1', request_id: 'test-request-id' });
    expect(first.headers.authorization).toBe('test-service-account-token');
    expect(typeof first.json.state).toBe('string');
    // the SDK's defaults (@devrev/ts-adaas 1.20 dist/state/state.interfaces.js), written out by hand
    const emptyStamps = { lastSyncStarted: '', lastSuccessfulSyncStarted: '', pendingWorkersOldest: '', pendingWorkersNewest: '', workersOldest: '', workersNewest: '' };
    const toDevRev = { attachmentsMetadata: { artifactIds: [], lastProcessed: 0, lastProcessedAttachmentsIdsList: [] } };
    expect(JSON.parse(first.json.state)).toEqual({ cursor: 'start', ...emptyStamps, snapInVersionId: '', toDevRev });
    expect(adapter.state.cursor).toBe('start');
    expect(adapter.state.lastSyncStarted).not.toBe(''); // legacy stamp on START_EXTRACTING_DATA
  });

  it('loading mode starts from the loading defaults', async () => {
    const event = testEvent(server, EventType.StartLoadingData, { payload: { event_context: { mode: 'LOADING' } } });
    await adapterFor(event, { mine: 1 });
    const [first] = server.find('POST', '/worker_data_url.update');
    expect(JSON.parse(first.json.state)).toEqual({ mine: 1, snapInVersionId: '', fromDevRev: { filesToLoad: [] } });
  });

  it('a stored state replaces the initial state; objects become the extraction scope', async () => {
    seedState({ cursor: 'page-7' });
    server.objects = JSON.stringify({ tags: { extract: false }, admins: { extract: true } });
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), { cursor: '', added: true });
    expect(adapter.state).toEqual({ snapInVersionId: SNAP_IN_VERSION, cursor: 'page-7' });
    expect(adapter.shouldExtract('tags')).toBe(false);
    expect(adapter.shouldExtract('admins')).toBe(true);
    expect(adapter.shouldExtract('contacts')).toBe(true);
    expect(server.find('POST', '/worker_data_url.update')).toHaveLength(0);
  });

  it('emit and postState save the whole state; stateless events save nothing', async () => {
    seedState({ cursor: 'a' });
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {} as { cursor?: string });
    adapter.state.cursor = 'b';
    await adapter.postState();
    expect(storedState(server).cursor).toBe('b');
    adapter.state = { ...adapter.state, cursor: 'c' };
    await adapter.emit(ExtractorEventType.DataExtractionProgress);
    expect(storedState(server).cursor).toBe('c');

    server.reset();
    const esu = await adapterFor(testEvent(server, EventType.StartExtractingExternalSyncUnits), {});
    await esu.emit(ExtractorEventType.ExternalSyncUnitExtractionDone, { external_sync_units: [] });
    expect(server.find('GET', '/worker_data_url.get')).toHaveLength(0);
    expect(server.find('POST', '/worker_data_url.update')).toHaveLength(0);
    expect(server.callbacks()[0].json.event_data).toEqual({ artifacts: [] });
  });

  it('survives two 500s on the state fetch; a 403 fails the invocation', async () => {
    seedState({ cursor: 'x' });
    server.script('GET', '/worker_data_url.get', { status: 500, times: 2 });
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingData), {} as { cursor?: string });
    expect(adapter.state.cursor).toBe('x');
    expect(server.find('GET', '/worker_data_url.get')).toHaveLength(3);

    server.script('GET', '/worker_data_url.get', { status: 403, body: { message: 'forbidden' } });
    await expect(adapterFor(testEvent(server, EventType.ContinueExtractingData), {})).rejects.toThrow(/403/);
  });

  it('429 is retried only with a numeric Retry-After', async () => {
    seedState();
    server.script('GET', '/worker_data_url.get', { status: 429, headers: { 'retry-after': '0' }, times: 1 });
    await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    expect(server.find('GET', '/worker_data_url.get')).toHaveLength(2);

    server.reset();
    seedState();
    server.script('GET', '/worker_data_url.get', { status: 429, headers: { 'retry-after': 'soon' }, times: 1 });
    await expect(adapterFor(testEvent(server, EventType.ContinueExtractingData), {})).rejects.toThrow(/429/);
    expect(server.find('GET', '/worker_data_url.get')).toHaveLength(1);
  });
});

describe('initial domain mapping', () => {
  it('is installed when the stored snapInVersionId differs, then recorded in state', async () => {
    server.states.set('1', JSON.stringify({ snapInVersionId: 'older-version' }));
    server.script('POST', '/internal/airdrop.recipe.blueprints.create', { status: 200, body: { recipe_blueprint: { id: 'bp-1' } } });
    const idm = {
      starting_recipe_blueprint: { name: 'bp' },
      additional_mappings: { record_type_mappings: { tasks: {} }, format_version: 'v0.2.0' },
    };
    const adapter = await adapterFor(testEvent(server, EventType.StartExtractingMetadata), {}, undefined, idm);
    expect(server.find('GET', '/internal/snap-ins.get')[0].query).toEqual({ id: 'test-snap-in-id' });
    expect(server.find('POST', '/internal/airdrop.recipe.blueprints.create')[0].json).toEqual({ name: 'bp' });
    const [install] = server.find('POST', '/internal/airdrop.recipe.initial-domain-mappings.install');
    expect(install.headers.authorization).toBe('test-service-account-token');
    expect(install.json).toEqual({
      external_system_type: 'ADaaS',
      import_slug: 'test_import_slug',
      snap_in_slug: 'test_snap_in_slug',
      starting_recipe_blueprint: 'bp-1',
      record_type_mappings: { tasks: {} },
      format_version: 'v0.2.0',
    });
    expect(adapter.state.snapInVersionId).toBe(SNAP_IN_VERSION);
  });

  it('is not installed again for the same version; a failed install fails the invocation', async () => {
    seedState();
    await adapterFor(testEvent(server, EventType.ContinueExtractingData), {});
    expect(server.find('POST', '/internal/airdrop.recipe.initial-domain-mappings.install')).toHaveLength(0);

    server.states.set('1', JSON.stringify({ snapInVersionId: 'older-version' }));
    server.script('POST', '/internal/airdrop.recipe.initial-domain-mappings.install', { status: 400 });
    await expect(adapterFor(testEvent(server, EventType.ContinueExtractingData), {})).rejects.toThrow(/400/);
  });
});
