/**
 * The extractor state before the invocation in flight (`worker-data/snapshot.json`). A process that dies
 * mid-invocation may leave a state the connector advanced without the platform ever ingesting that
 * invocation's artifacts; the next call rolls the state back to this snapshot, and the invocation's work
 * is redone (the item store merges by id).
 */
import * as fs from 'node:fs';
import { readJsonIfExists, writeFileAtomic } from '../../files/atomic';
import type { PlatformSyncUnit } from './event-builder';
import type { PlatformServices } from './services';

/** The extractor state before the invocation `requestId` (null: there was none). */
interface StateSnapshot {
  requestId: string;
  syncUnit: string;
  state: string | null;
}

/** Remembers the state of `unit` before the invocation `requestId` (no unit yet: nothing to remember). */
export function saveStateSnapshot(services: PlatformServices, unit: PlatformSyncUnit | undefined, requestId: string): void {
  const file = services.layout.stateSnapshotFile;
  if (!unit) {
    fs.rmSync(file, { force: true });
    return;
  }
  const snapshot: StateSnapshot = {
    requestId,
    syncUnit: unit.platformId,
    state: services.workerData.get('extractor', unit.platformId) ?? null,
  };
  writeFileAtomic(file, JSON.stringify(snapshot));
}

/** Puts back the state from before the invocation `requestId`, if that is the one snapshotted. */
export function restoreStateSnapshot(services: PlatformServices, requestId: string): void {
  const snapshot = readJsonIfExists<StateSnapshot>(services.layout.stateSnapshotFile);
  if (snapshot?.requestId !== requestId) return;
  if (snapshot.state === null) services.workerData.delete('extractor', snapshot.syncUnit);
  else services.workerData.set('extractor', snapshot.syncUnit, snapshot.state);
}
