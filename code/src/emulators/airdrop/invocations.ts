/**
 * Bookkeeping of invocations in flight: which request ids the orchestrator has sent, the events the
 * connector emitted for each (exactly one is expected, §2.7) and protocol violations the HTTP
 * endpoints noticed (oversized state, invalid state JSON, ...). The endpoints record; the
 * orchestrator judges.
 */
import type { WireEmittedEvent } from './wire';

/** One invocation as the platform sees it. */
export interface InvocationRecord {
  requestId: string;
  eventType: string;
  emits: WireEmittedEvent[];
  violations: string[];
}

export class InvocationRegistry {
  private readonly open = new Map<string, InvocationRecord>();
  /** Problems that arrived for no open invocation (e.g. an emit after the function returned). */
  private readonly stray: string[] = [];

  start(requestId: string, eventType: string): InvocationRecord {
    const record: InvocationRecord = { requestId, eventType, emits: [], violations: [] };
    this.open.set(requestId, record);
    return record;
  }

  finish(requestId: string): void {
    this.open.delete(requestId);
  }

  /**
   * Calls the snap-in function with one event, recording what it emits meanwhile. A throw of the
   * function is returned (the caller judges it with the reply), never lost.
   */
  async call(
    invoke: (events: never[]) => Promise<void>, event: object, requestId: string, eventType: string,
  ): Promise<{ record: InvocationRecord; thrown?: unknown; durationMs: number }> {
    const record = this.start(requestId, eventType);
    const started = Date.now();
    let thrown: unknown;
    try {
      await (invoke as (events: object[]) => Promise<void>)([event]);
    } catch (err) {
      thrown = err ?? new Error('unknown error');
    }
    this.finish(requestId);
    return { record, thrown, durationMs: Date.now() - started };
  }

  /** Records an emitted event; returns false when it belongs to no open invocation. */
  recordEmit(event: WireEmittedEvent): boolean {
    const requestId = event.event_context?.request_id;
    const record = typeof requestId === 'string' ? this.open.get(requestId) : undefined;
    if (!record) {
      this.stray.push(
        `an event ${String(event.event_type)} was emitted for request ${String(requestId)}, which is not an invocation in progress`,
      );
      return false;
    }
    record.emits.push(event);
    return true;
  }

  /** Records a protocol violation against the invocation with `requestId` (or as stray). */
  recordViolation(requestId: string | undefined, message: string): void {
    const record = requestId ? this.open.get(requestId) : undefined;
    if (record) record.violations.push(message);
    else this.stray.push(message);
  }

  /** Returns and clears the stray problems. */
  takeStray(): string[] {
    return this.stray.splice(0, this.stray.length);
  }
}
