/**
 * The snap-in's function entry (contract §2): `extraction` and `loading`, each handing every event
 * to `spawn` with the worker of its phase, the connector's initial state and the initial domain
 * mapping. The same functions run on DevRev and under the local platform emulator.
 */
import * as path from 'path';
import { spawn, EventType, type AirdropEvent, type WorkerAdapterOptions } from './adaas';
import { LOCAL_RUN_OPTION } from './connection/connection';
import { initialConnectorState, type ConnectorStateEnvelope } from './extraction/state';
import initialDomainMapping from './extraction/initial-domain-mapping.json';

/** A snap-in function as DevRev calls it: a batch of events, one invocation each. */
export type SnapInFunction = (events: AirdropEvent[]) => Promise<void>;

/** Options of {@link createFunctions}; DevRev's defaults when omitted. */
export interface FunctionOptions {
  /** Soft timeout of one invocation in ms (can only lower the platform's 10 minutes). */
  timeoutMs?: number;
  /** Items per uploaded artifact (default: the platform layer's 2000). */
  batchSize?: number;
  /**
   * A local run (our CLI, emulators and tests): only then may `intercom_api_base_url` point the
   * client at another host. Passed to the workers as the option `LOCAL_RUN_OPTION`; DevRev's
   * `functionFactory` never sets it.
   */
  local?: boolean;
}

// Worker files sit beside this module; under tsx/ts-jest they are .ts, once compiled .js.
const WORKER_EXT = path.extname(__filename) === '.ts' ? '.ts' : '.js';
/** A worker file by its path below this folder, e.g. `extraction/workers/data`. */
const workerFile = (name: string): string => path.join(__dirname, `${name}${WORKER_EXT}`);

/** Which worker serves which incoming event (new names; `spawn` translates legacy ones first). */
const EXTRACTION_WORKERS: Partial<Record<string, string>> = {
  [EventType.StartExtractingExternalSyncUnits]: 'extraction/workers/external-sync-units',
  [EventType.StartExtractingMetadata]: 'extraction/workers/metadata',
  [EventType.StartExtractingData]: 'extraction/workers/data',
  [EventType.ContinueExtractingData]: 'extraction/workers/data',
  [EventType.StartExtractingAttachments]: 'extraction/workers/attachments',
  [EventType.ContinueExtractingAttachments]: 'extraction/workers/attachments',
  [EventType.StartDeletingExtractorState]: 'extraction/workers/delete-state',
  [EventType.StartDeletingExtractorAttachmentsState]: 'extraction/workers/delete-attachments-state',
};

// Legacy incoming names, so the worker choice does not depend on spawn's translation.
const LEGACY_EXTRACTION_EVENTS: Record<string, string> = {
  EXTRACTION_EXTERNAL_SYNC_UNITS_START: EventType.StartExtractingExternalSyncUnits,
  EXTRACTION_METADATA_START: EventType.StartExtractingMetadata,
  EXTRACTION_DATA_START: EventType.StartExtractingData,
  EXTRACTION_DATA_CONTINUE: EventType.ContinueExtractingData,
  EXTRACTION_DATA_DELETE: EventType.StartDeletingExtractorState,
  EXTRACTION_ATTACHMENTS_START: EventType.StartExtractingAttachments,
  EXTRACTION_ATTACHMENTS_CONTINUE: EventType.ContinueExtractingAttachments,
  EXTRACTION_ATTACHMENTS_DELETE: EventType.StartDeletingExtractorAttachmentsState,
};

/** Which loader worker serves which loading event (DevRev → Intercom: comments and tags). */
const LOADING_WORKERS: Partial<Record<string, string>> = {
  [EventType.StartLoadingData]: 'loading/workers/load-data',
  [EventType.ContinueLoadingData]: 'loading/workers/load-data',
  [EventType.StartLoadingAttachments]: 'loading/workers/load-attachments',
  [EventType.ContinueLoadingAttachments]: 'loading/workers/load-attachments',
};

function workerFor(table: Partial<Record<string, string>>, eventType: string): string | undefined {
  const name = table[LEGACY_EXTRACTION_EVENTS[eventType] ?? eventType];
  return name === undefined ? undefined : workerFile(name);
}

function makeFunction(table: Partial<Record<string, string>>, options: FunctionOptions): SnapInFunction {
  return async (events) => {
    for (const event of events) {
      const initialState: ConnectorStateEnvelope = { intercom: initialConnectorState() };
      await spawn<ConnectorStateEnvelope>({
        event,
        initialState,
        // No worker (e.g. deleting the loader's state): spawn answers the phase itself.
        workerPath: workerFor(table, event.payload.event_type),
        initialDomainMapping,
        options: {
          ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
          ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
          // Not the SDK's isLocalDevelopment: under the official SDK that also writes every artifact
          // in plain text to ./extracted_files. Both runtimes hand the options object to the worker whole.
          ...(options.local ? { [LOCAL_RUN_OPTION]: true } : {}),
        } as WorkerAdapterOptions,
      });
    }
  };
}

/** Builds the two snap-in functions with the given limits. */
export function createFunctions(options: FunctionOptions = {}): { extraction: SnapInFunction; loading: SnapInFunction } {
  return { extraction: makeFunction(EXTRACTION_WORKERS, options), loading: makeFunction(LOADING_WORKERS, options) };
}

/** The functions with DevRev's defaults, as the manifest names them. */
export const functionFactory = createFunctions();
