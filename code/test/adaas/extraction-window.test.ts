/** The extraction window (extract_from / extract_to) the adapter resolves, caches and moves (moved from emit.test.ts). */
import { ExtractorEventType, EventType, TimeValueType, UNBOUNDED_DATE_TIME_VALUE } from '../../src/adaas';
import { usePlatformServer } from './helpers/platform-server';
import { adapterFor, seedState as seedStateOn, storedState, testEvent } from './helpers/adapter';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const server = usePlatformServer();
const seedState = (extra: Record<string, unknown> = {}) => seedStateOn(server, extra);

describe('extraction window (extract_from / extract_to)', () => {
  const previous = { workersOldest: '2024-01-01T00:00:00.000Z', workersNewest: '2025-03-01T10:00:00.000Z', lastSuccessfulSyncStarted: '2025-03-01T09:00:00.000Z' };

  it('resolves time values on START_EXTRACTING_METADATA, caches them, and copies them on later events', async () => {
    seedState(previous);
    const before = Date.now();
    const meta = await adapterFor(
      testEvent(server, EventType.StartExtractingMetadata, {
        payload: {
          event_context: {
            extraction_start_time: { type: TimeValueType.WORKERS_NEWEST_PLUS_WINDOW, value: '1h30m' },
            extraction_end_time: { type: TimeValueType.CURRENT_TIME },
          },
        },
      }),
      {},
    );
    const ctx = meta.event.payload.event_context;
    expect(ctx.extract_from).toBe('2025-03-01T11:30:00.000Z');
    expect(Date.parse(ctx.extract_to!)).toBeGreaterThanOrEqual(before);
    await meta.emit(ExtractorEventType.MetadataExtractionDone);
    const metaCallback = server.callbacks()[0].json;
    expect(metaCallback.event_context.extract_from).toBe('2025-03-01T11:30:00.000Z');
    expect(metaCallback.worker_metadata.oldest_state_date).toBe('2025-03-01T11:30:00.000Z');
    expect(metaCallback.worker_metadata.newest_state_date).toBe(ctx.extract_to);
    expect(storedState(server).pendingWorkersOldest).toBe('2025-03-01T11:30:00.000Z');

    const data = await adapterFor(testEvent(server, EventType.StartExtractingData), {});
    expect(data.event.payload.event_context.extract_from).toBe('2025-03-01T11:30:00.000Z');
    expect(data.event.payload.event_context.extract_to).toBe(ctx.extract_to);
  });

  it.each([
    [{ type: TimeValueType.UNBOUNDED }, UNBOUNDED_DATE_TIME_VALUE],
    [{ type: TimeValueType.ABSOLUTE_TIME, value: '2023-05-06T07:08:09+02:00' }, '2023-05-06T05:08:09.000Z'],
    [{ type: TimeValueType.WORKERS_OLDEST }, '2024-01-01T00:00:00.000Z'],
    [{ type: TimeValueType.WORKERS_OLDEST_MINUS_WINDOW, value: '90s' }, '2023-12-31T23:58:30.000Z'],
    [{ type: TimeValueType.WORKERS_NEWEST }, '2025-03-01T10:00:00.000Z'],
  ])('extraction_start_time %j resolves to %s', async (start, expected) => {
    seedState(previous);
    const adapter = await adapterFor(
      testEvent(server, EventType.StartExtractingMetadata, { payload: { event_context: { extraction_start_time: start, extraction_end_time: { type: 'current_time' } } } }),
      {},
    );
    expect(adapter.event.payload.event_context.extract_from).toBe(expected);
  });

  it('workers_newest without any previous sync fails; from >= to fails', async () => {
    seedState();
    await expect(
      adapterFor(testEvent(server, EventType.StartExtractingMetadata, { payload: { event_context: { extraction_start_time: { type: 'workers_newest' } } } }), {}),
    ).rejects.toThrow(/workers_newest/);
    seedState();
    await expect(
      adapterFor(
        testEvent(server, EventType.StartExtractingMetadata, {
          payload: { event_context: { extraction_start_time: { type: 'current_time' }, extraction_end_time: { type: 'absolute_time', value: '2020-01-01T00:00:00Z' } } },
        }),
        {},
      ),
    ).rejects.toThrow(/extract_from .* is not before extract_to/);
  });

  it('ATTACHMENT_EXTRACTION_DONE moves the sync timestamps and widens the covered window', async () => {
    seedState({
      ...previous,
      lastSyncStarted: '2025-04-01T00:00:00.000Z',
      pendingWorkersOldest: '2023-06-01T00:00:00.000Z',
      pendingWorkersNewest: '2025-04-01T00:00:00.000Z',
    });
    const adapter = await adapterFor(testEvent(server, EventType.ContinueExtractingAttachments), {});
    await adapter.emit(ExtractorEventType.AttachmentExtractionDone);
    expect(storedState(server)).toMatchObject({
      lastSuccessfulSyncStarted: '2025-04-01T00:00:00.000Z',
      lastSyncStarted: '',
      pendingWorkersOldest: '',
      pendingWorkersNewest: '',
      workersOldest: '2023-06-01T00:00:00.000Z',
      workersNewest: '2025-04-01T00:00:00.000Z',
    });
  });
});
