/** What the spawn tests share: a platform server for the file, the test workers, and events for them. */
import * as path from 'path';
import { createMockEvent, spawn, type EventType } from '../../../src/adaas';
import { usePlatformServer } from './platform-server';

export function useSpawnHarness() {
  const server = usePlatformServer();
  /** Path of a test worker file under `code/test/adaas/workers/`. */
  const worker = (name: string) => path.join(__dirname, '..', 'workers', name);
  /** A mock event of the given type against the server, with the given global values. */
  const event = (eventType: string, globalValues: Record<string, string> = {}) =>
    createMockEvent(server.baseUrl, {
      payload: { event_type: eventType as EventType },
      input_data: { global_values: globalValues },
    });
  /** Spawns the test worker `name` for a mock event (empty initial state and mapping), with the SDK's default timeout unless given. */
  const spawnWorker = (name: string, eventType: string, globalValues: Record<string, string> = {}, timeout?: number) =>
    spawn({
      event: event(eventType, globalValues),
      initialState: {},
      workerPath: worker(name),
      initialDomainMapping: {},
      ...(timeout === undefined ? {} : { options: { timeout } }),
    });
  return { server, worker, event, spawnWorker };
}
