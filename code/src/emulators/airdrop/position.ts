/**
 * The orchestrator's position, persisted in `platform.json` after every invocation so that a run
 * whose process died (or hit `maxInvocations`) resumes where it stopped, with the same run id.
 */
import type { PlatformSyncUnit } from './event-builder';
import type { Phase } from './event-types';
import type { ExternalSyncUnit } from './artifact-ingest';
import { readJsonIfExists, writeFileAtomic } from '../../files/atomic';
import type { RunKind, RunResult } from './types';

/** A run that has not finished yet. */
export interface RunPosition {
  runId: string;
  kind: RunKind;
  phase: Phase;
  /** Whether the next invocation of `phase` is its START or its CONTINUE event. */
  next: 'start' | 'continue';
  /** The event type string to send next (informative; rebuilt from phase/next and the options). */
  nextEventType: string;
  /** Request id of an invocation that was started but never finished (process died during it). */
  inFlightRequestId?: string;
  /** Ids of the artifacts already ingested in this run (an artifact counts once). */
  ingestedArtifacts?: string[];
  /** Sync units the connector reported in this run (import only). */
  externalSyncUnits?: ExternalSyncUnit[];
  /** The result so far (status and endedAt are filled in at the end). */
  result: Omit<RunResult, 'status' | 'endedAt' | 'error'>;
}

/** Contents of `platform.json`. */
export interface PlatformPosition {
  /** The sync unit of the last import: syncs and deletes run on it. */
  syncUnit?: PlatformSyncUnit;
  /** The unfinished run, if any. */
  current?: RunPosition;
}

export function loadPosition(file: string): PlatformPosition {
  return readJsonIfExists<PlatformPosition>(file) ?? {};
}

export function savePosition(file: string, position: PlatformPosition): void {
  writeFileAtomic(file, `${JSON.stringify(position, null, 2)}\n`);
}
