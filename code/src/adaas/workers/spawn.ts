import { Worker } from 'worker_threads';
import type { AirdropEvent } from '../types/extraction';
import type { SpawnFactoryInterface, WorkerData, WorkerMessage } from '../types/workers';
import { WorkerMessageSubject } from '../types/workers';
import { DEFAULT_LAMBDA_TIMEOUT, HARD_TIMEOUT_MULTIPLIER } from '../common/constants';
import { emit } from '../common/control-protocol';
import { errorMessage } from '../common/errors';
import { getNoScriptEventType, getTimeoutErrorEventType, translateIncomingEventType } from '../common/event-type-translation';
import { logger } from '../common/logger';
import { redactSecrets, secretsOf } from '../common/redact';
import { getWorkerPath } from './worker-path';
import { WORKER_READY_SUBJECT } from './worker-messages';

/** Extra time a worker may take to load its modules before its hard clock counts. */
const WORKER_STARTUP_ALLOWANCE_MS = 30_000;

/** execArgv that lets a worker thread load a `.ts` file (tsx's CommonJS hook); `.js` runs as is. */
function execArgvFor(script: string): string[] | undefined {
  return /\.[cm]?ts$/.test(script) ? ['--require', require.resolve('tsx/cjs')] : undefined;
}

async function emitFromMainThread(event: AirdropEvent, eventType: string, message?: string): Promise<void> {
  try {
    await emit({ event, eventType, data: message === undefined ? {} : { error: { message } } });
  } catch (error) {
    logger.error({ eventType, error: errorMessage(error) }, 'Emitting from the main thread failed');
  }
}

/**
 * Runs the worker of one event in a worker thread and resolves after the invocation's single emit.
 * Soft timeout (min(options.timeout, 10 min)) asks the worker to wrap up; hard timeout (×1.3) terminates
 * it; both count from the moment the worker has loaded (see WORKER_READY_SUBJECT). A worker that ends
 * without emitting is answered with the phase's `*_ERROR` from here.
 */
export async function spawn<S>({
  event,
  initialState,
  workerPath,
  initialDomainMapping,
  options,
  baseWorkerPath,
}: SpawnFactoryInterface<S>): Promise<void> {
  const eventType = translateIncomingEventType(event.payload.event_type);
  const translated: AirdropEvent = { ...event, payload: { ...event.payload, event_type: eventType } };
  const script = getWorkerPath({ eventType, workerPath, baseWorkerPath, options });
  if (!script) {
    const reply = getNoScriptEventType(eventType);
    logger.info({ eventType, reply }, 'No worker for this event; replying directly');
    await emitFromMainThread(translated, reply);
    return;
  }

  const softTimeout = Math.min(options?.timeout ?? DEFAULT_LAMBDA_TIMEOUT, DEFAULT_LAMBDA_TIMEOUT);
  const hardTimeout = softTimeout * HARD_TIMEOUT_MULTIPLIER;
  const workerData: WorkerData<S> = { event: translated, initialState, initialDomainMapping, options };

  let worker: Worker;
  try {
    worker = new Worker(script, { workerData, execArgv: execArgvFor(script) });
  } catch (error) {
    const reason = redactSecrets(errorMessage(error), secretsOf(event));
    logger.error({ script, error: reason }, 'Could not start the worker');
    await emitFromMainThread(translated, getTimeoutErrorEventType(eventType), `Worker exited without emitting event. Error: ${reason}`);
    return;
  }

  await new Promise<void>((resolve) => {
    let emitted = false;
    let softTimeoutSent = false;
    let failure: string | undefined;
    let softTimer: NodeJS.Timeout | undefined;
    let hardTimer: NodeJS.Timeout | undefined;
    const startClocks = (ready: boolean) => {
      clearTimeout(softTimer);
      clearTimeout(hardTimer);
      if (ready) {
        softTimer = setTimeout(() => {
          logger.info({ softTimeout }, 'Soft timeout reached; telling the worker to wrap up');
          softTimeoutSent = true;
          worker.postMessage({ subject: WorkerMessageSubject.WorkerMessageExit });
        }, softTimeout);
      }
      const limit = ready ? hardTimeout : hardTimeout + WORKER_STARTUP_ALLOWANCE_MS;
      hardTimer = setTimeout(() => {
        logger.error({ hardTimeout: limit, ready }, 'Hard timeout reached; terminating the worker');
        failure ??= `Hard timeout of ${limit} ms reached${ready ? '' : ' before the worker started its task'}`;
        void worker.terminate();
      }, limit);
    };
    // Until the worker reports ready only a hard clock (with a start-up allowance) runs, so a worker
    // that never reaches processTask is still stopped; once ready both clocks restart.
    startClocks(false);

    worker.on('message', (message: WorkerMessage | { subject: typeof WORKER_READY_SUBJECT }) => {
      if (message?.subject === WORKER_READY_SUBJECT) startClocks(true);
      if (message?.subject === WorkerMessageSubject.WorkerMessageEmitted) emitted = true;
      if (message?.subject === WorkerMessageSubject.WorkerMessageFailed) failure = (message as WorkerMessage).payload?.message;
    });
    worker.on('error', (error) => {
      failure = redactSecrets(errorMessage(error), secretsOf(event));
      logger.error({ error: failure }, 'Worker crashed');
    });
    const onExit = (code: number) => {
      if (emitted) return resolve();
      logger.error({ code }, 'Worker exited without emitting event');
      const message = `Worker exited without emitting event. ${failure ? `Error: ${failure}` : 'Check the logs for more information.'}`;
      void emitFromMainThread(translated, getTimeoutErrorEventType(eventType), message).then(resolve);
    };
    worker.on('exit', (code) => {
      clearTimeout(softTimer);
      clearTimeout(hardTimer);
      // As the SDK does (spawn.js): after a soft timeout the worker's "emitted" message may still be
      // queued behind its exit; one turn of the event loop lets it arrive before ERROR is considered.
      if (softTimeoutSent) setImmediate(() => onExit(code));
      else onExit(code);
    });
  });
}
