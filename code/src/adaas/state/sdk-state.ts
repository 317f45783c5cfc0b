import { SyncMode } from '../types/common';
import type { ExtractionSdkState, LoadingSdkState } from '../types/state';

type AttachmentsMetadata = ExtractionSdkState['toDevRev']['attachmentsMetadata'];

const noAttachmentsYet = (): AttachmentsMetadata => ({ artifactIds: [], lastProcessed: 0, lastProcessedAttachmentsIdsList: [] });

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
    toDevRev: { attachmentsMetadata: noAttachmentsYet() },
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

/**
 * The attachments bookkeeping of an extraction state, created when missing (a stored state replaces
 * the initial one entirely, so an old or hand-made state may lack it).
 */
export function ensureAttachmentsMetadata(state: object): AttachmentsMetadata {
  const s = state as Partial<ExtractionSdkState>;
  s.toDevRev ??= { attachmentsMetadata: noAttachmentsYet() };
  s.toDevRev.attachmentsMetadata ??= noAttachmentsYet();
  const meta = s.toDevRev.attachmentsMetadata;
  meta.artifactIds ??= [];
  meta.lastProcessedAttachmentsIdsList ??= [];
  meta.lastProcessed ??= 0;
  return meta;
}
