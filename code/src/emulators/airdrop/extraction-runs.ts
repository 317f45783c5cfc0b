/**
 * What an extraction run of each kind (import, sync, delete) is: its phases, its first position, the
 * time bounds its events carry, the sync unit it picks from the ESU phase's list (§2.5, §2.6), and the
 * artifacts it uploaded that nothing reported.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { syncUnitDon, type PlatformSyncUnit } from './event-builder';
import { eventTypeToSend, type Phase } from './event-types';
import type { RunPosition } from './position';
import { RunFailure } from './run-driver';
import type { PlatformServices } from './services';
import type { RunKind } from './types';
import type { TimeValue } from './wire';

export const PHASE_ORDER: Record<RunKind, Phase[]> = {
  import: ['external_sync_units', 'metadata', 'data', 'attachments'],
  sync: ['metadata', 'data', 'attachments'],
  delete: ['delete_extractor_state', 'delete_attachments_state'],
};

/** The position of a new run of `kind` (a sync or delete works on the import's sync unit). */
export function newRun(kind: RunKind, syncUnit: PlatformSyncUnit | undefined, legacy: boolean): RunPosition {
  const phase = PHASE_ORDER[kind][0];
  const unit = kind === 'import' ? undefined : syncUnit;
  const runId = randomUUID();
  return {
    runId,
    kind,
    phase,
    next: 'start',
    nextEventType: eventTypeToSend(phase, 'start', legacy),
    result: {
      kind,
      runId,
      startedAt: new Date().toISOString(),
      phases: [],
      items: {},
      attachments: { received: 0, bytes: 0 },
      syncUnit: { id: unit?.id ?? '', name: unit?.name ?? '' },
    },
  };
}

/** The extraction window of a run's events: everything for an import, since the workers' newest for a sync. */
export function timeBounds(kind: RunKind): { extractionStartTime?: TimeValue; extractionEndTime?: TimeValue } {
  if (kind === 'import') return { extractionStartTime: { type: 'unbounded' }, extractionEndTime: { type: 'current_time' } };
  if (kind === 'sync') return { extractionStartTime: { type: 'workers_newest' }, extractionEndTime: { type: 'current_time' } };
  return {};
}

/** The reported unit `wanted` (default the first), as a new platform sync unit: a new import, a fresh state. */
export function chooseSyncUnit(
  units: ReadonlyArray<{ id: string; name: string }>,
  wanted: string | undefined,
  orgId: string,
  label: string,
): PlatformSyncUnit {
  if (units.length === 0) throw new RunFailure(`${label}: the connector reported no external sync units`);
  const id = wanted ?? units[0].id;
  const unit = units.find((u) => u.id === id);
  if (!unit) {
    throw new RunFailure(`${label}: sync unit ${id} is not among the reported external sync units (${units.map((u) => u.id).join(', ')})`);
  }
  const platformId = randomBytes(6).toString('hex');
  return { id: unit.id, name: unit.name, platformId, don: syncUnitDon(orgId, platformId) };
}

/**
 * Artifacts uploaded during this run (by this process) that no event listed, no ssor_attachment
 * record points to (the store forgets those as they are filed) and the connector's saved state does
 * not name: DevRev never reads them (work lost, or a connector listing artifacts wrongly). One the
 * state names is the connector's own storage, which it reads back itself (large id sets).
 */
export function unreportedArtifacts(services: PlatformServices, run: RunPosition, syncUnit: PlatformSyncUnit | undefined): string[] {
  const reported = new Set(run.ingestedArtifacts ?? []);
  const unit = syncUnit?.platformId;
  const state = unit === undefined ? '' : services.workerData.get('extractor', unit) ?? '';
  return services.artifacts
    .uploadedSince(Date.parse(run.result.startedAt))
    .filter((record) => !reported.has(record.id) && !state.includes(record.id))
    .map((record) => `artifact ${record.id} (${record.fileName}) was uploaded but no event reported it`);
}
