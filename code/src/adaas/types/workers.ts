import type { AirdropEvent, EventType } from './extraction';
import type { InitialDomainMapping } from './common';
import type { WorkerAdapter } from '../workers/worker-adapter';

/** Worker file per incoming event type, relative to `baseWorkerPath`. */
export type WorkerPathOverrides = Partial<Record<EventType, string>>;

/** Options a connector passes to `spawn` (they reach the worker and the adapter). */
export interface WorkerAdapterOptions {
  isLocalDevelopment?: boolean;
  /** Soft timeout in ms; can only lower the default of 10 minutes. */
  timeout?: number;
  /** Items per artifact; default ARTIFACT_BATCH_SIZE (2000). */
  batchSize?: number;
  workerPathOverrides?: WorkerPathOverrides;
  skipConfirmation?: boolean;
}

/** Arguments of `spawn`. */
export interface SpawnFactoryInterface<ConnectorState> {
  event: AirdropEvent;
  initialState: ConnectorState;
  workerPath?: string;
  initialDomainMapping?: InitialDomainMapping;
  options?: WorkerAdapterOptions;
  baseWorkerPath?: string;
}

/** What `task` and `onTimeout` receive. */
export interface TaskAdapterInterface<ConnectorState> {
  adapter: WorkerAdapter<ConnectorState>;
}

/** Arguments of `processTask`. */
export interface ProcessTaskInterface<ConnectorState> {
  task: (params: TaskAdapterInterface<ConnectorState>) => Promise<void>;
  onTimeout: (params: TaskAdapterInterface<ConnectorState>) => Promise<void>;
}

/** Subjects of the messages between the main thread and the worker. */
export enum WorkerMessageSubject {
  WorkerMessageEmitted = 'emit',
  WorkerMessageExit = 'exit',
  WorkerMessageLog = 'log',
  WorkerMessageFailed = 'failed',
}

/** Events of the Worker object seen from the main thread. */
export enum WorkerEvent {
  WorkerMessage = 'message',
  WorkerOnline = 'online',
  WorkerError = 'error',
  WorkerExit = 'exit',
}

/** A message between the main thread and the worker. */
export interface WorkerMessage {
  subject: WorkerMessageSubject | `${WorkerMessageSubject}`;
  payload?: { eventType?: string; message?: string };
}

/** What `spawn` hands to the worker thread in `workerData`. */
export interface WorkerData<ConnectorState> {
  event: AirdropEvent;
  initialState: ConnectorState;
  initialDomainMapping?: InitialDomainMapping;
  options?: WorkerAdapterOptions;
}
