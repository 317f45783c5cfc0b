import { EventType, spawn } from '../../src/adaas';
import { useSpawnHarness } from './helpers/spawn-harness';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const { server, worker, event } = useSpawnHarness();

describe('spawn: timeouts and failing workers', () => {
  it('soft timeout: the worker is told to wrap up, onTimeout emits PROGRESS', async () => {
    await spawn({
      event: event(EventType.StartExtractingData),
      initialState: {},
      workerPath: worker('wait-for-timeout.ts'),
      initialDomainMapping: {},
      options: { timeout: 8000 }, // 2.4 s to wrap up before the hard kill
    });
    const callbacks = server.callbacks();
    expect(callbacks.map((c) => c.json.event_type)).toEqual(['DATA_EXTRACTION_PROGRESS']);
    const updates = server.find('POST', '/worker_data_url.update');
    expect(JSON.parse(updates[updates.length - 1].json.state).seenTimeout).toBe(true);
  });

  it('the timeout clocks start when the worker is loaded, so start-up does not eat a short timeout', async () => {
    // The worker's start-up (3 s, blocked before processTask) is longer than the whole soft + hard timeout.
    await spawn({
      event: event(EventType.StartExtractingData, { start_delay_ms: '3000' }),
      initialState: {},
      workerPath: worker('slow-start-then-done.ts'),
      initialDomainMapping: {},
      options: { timeout: 2000 },
    });
    expect(server.callbacks().map((c) => c.json.event_type)).toEqual(['DATA_EXTRACTION_DONE']);
  });

  it('a task that outlives the soft timeout is asked to wrap up (PROGRESS), not killed', async () => {
    // The worker has 30% of the timeout to wrap up before the hard kill: 2.4 s here, wide enough for a loaded machine.
    await spawn({
      event: event(EventType.StartExtractingData, { sleep_ms: '600000' }),
      initialState: {},
      workerPath: worker('sleep-then-done.ts'),
      initialDomainMapping: {},
      options: { timeout: 8000 },
    });
    expect(server.callbacks().map((c) => c.json.event_type)).toEqual(['DATA_EXTRACTION_PROGRESS']);
  });

  it.each([
    ['throw', 'Worker exited without emitting event. Error: boom: the connector failed'],
    ['exit', 'Worker exited without emitting event. Check the logs for more information.'],
  ])('a worker that fails (%s) is answered with *_ERROR from the main thread', async (how, message) => {
    await spawn({
      event: event(EventType.ContinueExtractingData, { crash: how }),
      initialState: {},
      workerPath: worker('crash.ts'),
      initialDomainMapping: {},
    });
    const callbacks = server.callbacks();
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0].json.event_type).toBe('DATA_EXTRACTION_ERROR');
    expect(callbacks[0].json.event_data).toEqual({ error: { message } });
    expect(callbacks[0].headers.authorization).toBe('test-service-account-token');
  });

  it('a worker file that does not exist is answered with *_ERROR', async () => {
    await spawn({
      event: event(EventType.StartExtractingMetadata),
      initialState: {},
      workerPath: worker('no-such-worker.ts'),
      initialDomainMapping: {},
    });
    const callbacks = server.callbacks();
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0].json.event_type).toBe('METADATA_EXTRACTION_ERROR');
    expect(callbacks[0].json.event_data.error.message).toMatch(/^Worker exited without emitting event\. Error: .*no-such-worker/);
  });

  it('hard timeout terminates a blocked worker and reports *_ERROR', async () => {
    await spawn({
      event: event(EventType.StartExtractingAttachments, { crash: 'block' }),
      initialState: {},
      workerPath: worker('crash.ts'),
      initialDomainMapping: {},
      options: { timeout: 1500 },
    });
    const callbacks = server.callbacks();
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0].json.event_type).toBe('ATTACHMENT_EXTRACTION_ERROR');
    expect(callbacks[0].json.event_data.error.message).toMatch(/^Worker exited without emitting event\. Error: Hard timeout/);
  });

});
