import { isMainThread, parentPort, workerData } from 'worker_threads';
import type { AirdropEvent } from '../types/extraction';
import type { InitialDomainMapping } from '../types/common';
import type { AdapterState, SdkState } from '../types/state';
import type { ProcessTaskInterface, WorkerData, WorkerMessage } from '../types/workers';
import { WorkerMessageSubject } from '../types/workers';
import { isStatefulEventType } from '../common/constants';
import { errorMessage } from '../common/errors';
import { translateIncomingEventType } from '../common/event-type-translation';
import { applyExtractionWindow } from '../common/extraction-window';
import { installInitialDomainMapping } from '../common/install-initial-domain-mapping';
import { logger } from '../common/logger';
import { redactSecrets, secretsOf } from '../common/redact';
import { loadState } from '../state/load-state';
import { initialAdapterState } from '../state/sdk-state';
import { WorkerAdapter } from './worker-adapter';
import { notifyFailed, notifyReady } from './worker-messages';

/**
 * Prepares the invocation's adapter: state (stateful events only), the extraction window, and the
 * initial domain mapping when the snap-in version changed.
 */
export async function createWorkerAdapter<S>(data: WorkerData<S>): Promise<WorkerAdapter<S>> {
  const event: AirdropEvent = structuredClone(data.event);
  event.payload.event_type = translateIncomingEventType(event.payload.event_type);
  if (!isStatefulEventType(event.payload.event_type)) {
    const state = initialAdapterState(data.initialState, event.payload.event_context.mode) as AdapterState<S>;
    return new WorkerAdapter<S>({ event, state, options: data.options });
  }
  const { state, extractionScope } = await loadState(event, data.initialState);
  applyExtractionWindow(event, state);
  await ensureInitialDomainMapping(event, state, data.initialDomainMapping);
  return new WorkerAdapter<S>({ event, state, extractionScope, options: data.options });
}

async function ensureInitialDomainMapping(event: AirdropEvent, state: SdkState, idm?: InitialDomainMapping): Promise<void> {
  if (state.snapInVersionId === event.context.snap_in_version_id) return;
  if (!idm) throw new Error('The snap-in version changed but spawn received no initialDomainMapping to install');
  await installInitialDomainMapping(event, idm);
  state.snapInVersionId = event.context.snap_in_version_id;
}

/**
 * Entry point of a worker file: builds the adapter, runs `task`, runs `onTimeout` when the soft timeout
 * hit and nothing was emitted, then ends the thread. A no-op on the main thread.
 */
export function processTask<S>({ task, onTimeout }: ProcessTaskInterface<S>): void {
  if (isMainThread || !parentPort) return;
  const data = workerData as WorkerData<S>;
  notifyReady();
  void runTask(data, task, onTimeout);
}

async function runTask<S>(data: WorkerData<S>, task: ProcessTaskInterface<S>['task'], onTimeout: ProcessTaskInterface<S>['onTimeout']): Promise<void> {
  let adapter: WorkerAdapter<S> | undefined;
  let timedOutEarly = false;
  parentPort!.on('message', (message: WorkerMessage) => {
    if (message?.subject !== WorkerMessageSubject.WorkerMessageExit) return;
    logger.warn('Soft timeout: asking the task to wrap up');
    if (adapter) adapter.isTimeout = true;
    else timedOutEarly = true;
  });
  try {
    adapter = await createWorkerAdapter(data);
    if (timedOutEarly) adapter.isTimeout = true;
    await task({ adapter });
    if (adapter.isTimeout && !adapter.hasWorkerEmitted) await onTimeout({ adapter });
    process.exit(0);
  } catch (error) {
    const message = redactSecrets(errorMessage(error), secretsOf(data.event));
    logger.error({ error: message }, 'Worker task failed');
    notifyFailed(message);
    process.exit(1);
  }
}
