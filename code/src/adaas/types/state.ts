import type { FileToLoad } from './loading';

/** One attachment already handled in the current attachments artifact (dedup across CONTINUE). */
export interface ProcessedAttachment {
  id: string;
  parent_id: string;
  status: 'success' | 'failed';
}

/** The SDK's own fields of an extraction state (merged at top level with the connector's state). */
export interface ExtractionSdkState {
  lastSyncStarted: string;
  lastSuccessfulSyncStarted: string;
  pendingWorkersOldest: string;
  pendingWorkersNewest: string;
  workersOldest: string;
  workersNewest: string;
  snapInVersionId: string;
  toDevRev: {
    attachmentsMetadata: {
      artifactIds: string[];
      lastProcessed: number;
      lastProcessedAttachmentsIdsList: ProcessedAttachment[];
    };
  };
}

/** The SDK's own fields of a loading state. */
export interface LoadingSdkState {
  snapInVersionId: string;
  fromDevRev: { filesToLoad: FileToLoad[] };
}

/** Union of the SDK fields; a state carries the ones of its direction. */
export type SdkState = Partial<ExtractionSdkState> & Partial<LoadingSdkState> & { snapInVersionId?: string };

/** The stored state: the connector's state with the SDK fields merged in at top level (flat). */
export type AdapterState<ConnectorState> = ConnectorState & SdkState;
