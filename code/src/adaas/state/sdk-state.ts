import type { ExtractionSdkState, LoadingSdkState } from '../types/state';
import { SyncMode } from '../types/common';

/** The SDK fields of a fresh extraction state. */
export function extractionSdkDefaults(): ExtractionSdkState {
  return {
    lastSyncStarted: '',
    lastSuccessfulSyncStarted: '',
    pendingWorkersOldest: '',
    pendingWorkersNewest: '',
    workersOldest: '',
    workersNewest: '',
    snapInVersionId: '',
    toDevRev: { attachmentsMetadata: { artifactIds: [], lastProcessed: 0, lastProcessedAttachmentsIdsList: [] } },
  };
}

/** The SDK fields of a fresh loading state. */
export function loadingSdkDefaults(): LoadingSdkState {
  return { snapInVersionId: '', fromDevRev: { filesToLoad: [] } };
}

/** The initial state of a direction: the connector's initial state with the SDK defaults merged in. */
export function initialAdapterState<S>(initialState: S, mode: string): S & (ExtractionSdkState | LoadingSdkState) {
  const sdk = mode === SyncMode.LOADING ? loadingSdkDefaults() : extractionSdkDefaults();
  return { ...structuredClone(initialState), ...sdk };
}
