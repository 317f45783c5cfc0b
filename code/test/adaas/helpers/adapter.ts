import { createMockEvent, EventType } from '../../../src/adaas';
import type { AirdropEvent, InitialDomainMapping, WorkerAdapterOptions } from '../../../src/adaas';
import { createWorkerAdapter } from '../../../src/adaas/workers/process-task';
import type { PlatformServer } from './platform-server';

/** The snap-in version of the mock events (`createMockEvent`). */
export const SNAP_IN_VERSION = 'test-snap-in-version-id';

/** Stores a state that needs no IDM install (its snap-in version is the events'). */
export function seedState(server: PlatformServer, extra: Record<string, unknown> = {}): void {
  server.states.set('1', JSON.stringify({ snapInVersionId: SNAP_IN_VERSION, ...extra }));
}

/** An event aimed at the test server, with overrides deep-merged. */
export function testEvent(server: PlatformServer, eventType: string, overrides: Record<string, any> = {}): AirdropEvent {
  return createMockEvent(server.baseUrl, {
    ...overrides,
    payload: { ...(overrides.payload ?? {}), event_type: eventType as EventType },
  });
}

/** Builds the adapter exactly as processTask does in a worker, but on the test's thread. */
export function adapterFor<S extends object>(
  event: AirdropEvent,
  initialState: S,
  options?: WorkerAdapterOptions,
  initialDomainMapping: InitialDomainMapping = {},
) {
  return createWorkerAdapter<S>({ event, initialState, options, initialDomainMapping });
}

/** The state a server holds for the default sync unit, parsed. */
export function storedState(server: PlatformServer): any {
  const raw = server.states.get('1');
  return raw === undefined ? undefined : JSON.parse(raw);
}
