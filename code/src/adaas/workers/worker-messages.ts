import { isMainThread, parentPort } from 'worker_threads';
import type { WorkerMessage } from '../types/workers';
import { WorkerMessageSubject } from '../types/workers';

/** Sends a message to the main thread; a no-op when the adapter runs on the main thread (tests, tools). */
export function notifyMainThread(message: WorkerMessage): void {
  if (!isMainThread && parentPort) parentPort.postMessage(message);
}

/**
 * Internal (not an SDK subject): the worker has loaded its modules and entered processTask. The main
 * thread starts the soft/hard timeout clocks here, so thread start-up (tsx, axios: 1–2 s on a busy
 * machine) does not eat short timeouts.
 */
export const WORKER_READY_SUBJECT = 'ready';

/** Tells the main thread that the worker is ready to run its task. */
export function notifyReady(): void {
  if (!isMainThread && parentPort) parentPort.postMessage({ subject: WORKER_READY_SUBJECT });
}

/** Tells the main thread that the worker emitted (so it must not emit a fallback error). */
export function notifyEmitted(eventType: string): void {
  notifyMainThread({ subject: WorkerMessageSubject.WorkerMessageEmitted, payload: { eventType } });
}

/** Tells the main thread why the worker is about to end without emitting. */
export function notifyFailed(message: string): void {
  notifyMainThread({ subject: WorkerMessageSubject.WorkerMessageFailed, payload: { message } });
}

/** Ends the worker thread after an SDK-internal emit; on the main thread it only returns. */
export function exitWorkerThread(code = 0): void {
  if (!isMainThread) process.exit(code);
}
