import { EventType } from '../../src/adaas';
import { useSpawnHarness } from './helpers/spawn-harness';

process.env.ADAAS_HTTP_RETRY_BASE_DELAY_MS = '10';

const { server, spawnWorker } = useSpawnHarness();

describe('spawn: timeouts and failing workers', () => {
  it('soft timeout: the worker is told to wrap up, onTimeout emits PROGRESS', async () => {
    await spawnWorker('wait-for-timeout.ts', EventType.StartExtractingData, {}, 8000); // 2.4 s to wrap up before the hard kill
    const callbacks = server.callbacks();
    expect(callbacks.map((c) => c.json.event_type)).toEqual(['DATA_EXTRACTION_PROGRESS']);
    const updates = server.find('POST', '/worker_data_url.update');
    expect(JSON.parse(updates[updates.length - 1].json.state).seenTimeout).toBe(true);
  });

  it('the timeout clocks start when the worker is loaded, so start-up does not eat a short timeout', async () => {
    // The worker's start-up (3 s, blocked before processTask) is longer than the whole soft + hard timeout.
    await spawnWorker('slow-start-then-done.ts', EventType.StartExtractingData, { start_delay_ms: '3000' }, 2000);
    expect(server.callbacks().map((c) => c.json.event_type)).toEqual(['DATA_EXTRACTION_DONE']);
  });

  it('a task that outlives the soft timeout is asked to wrap up (PROGRESS), not killed', async () => {
    // The worker has 30% of the timeout to wrap up before the hard kill: 2.4 s here, wide enough for a loaded machine.
    await spawnWorker('sleep-then-done.ts', EventType.StartExtractingData, { sleep_ms: '600000' }, 8000);
    expect(server.callbacks().map((c) => c.json.event_type)).toEqual(['DATA_EXTRACTION_PROGRESS']);
  });

  it.each([
    ['throw', 'Worker exited without emitting event. Error: boom: the connector failed'],
    ['exit', 'Worker exited without emitting event. Check the logs for more information.'],
  ])('a worker that fails (%s) is answered with *_ERROR from the main thread', async (how, message) => {
    await spawnWorker('crash.ts', EventType.ContinueExtractingData, { crash: how });
    const callbacks = server.callbacks();
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0].json.event_type).toBe('DATA_EXTRACTION_ERROR');
    expect(callbacks[0].json.event_data).toEqual({ error: { message } });
    expect(callbacks[0].headers.authorization).toBe('test-service-account-token');
  });

  it('a worker file that does not exist is answered with *_ERROR', async () => {
    await spawnWorker('no-such-worker.ts', EventType.StartExtractingMetadata);
    const callbacks = server.callbacks();
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0].json.event_type).toBe('METADATA_EXTRACTION_ERROR');
    expect(callbacks[0].json.event_data.error.message).toMatch(/^Worker exited without emitting event\. Error: .*no-such-worker/);
  });

  it('hard timeout terminates a blocked worker and reports *_ERROR', async () => {
    await spawnWorker('crash.ts', EventType.StartExtractingAttachments, { crash: 'block' }, 1500);
    const callbacks = server.callbacks();
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0].json.event_type).toBe('ATTACHMENT_EXTRACTION_ERROR');
    expect(callbacks[0].json.event_data.error.message).toMatch(/^Worker exited without emitting event\. Error: Hard timeout/);
  });

});
