/**
 * The platform's part of an extraction run (import, sync, delete), on the one run driver
 * (`run-driver.ts`): the artifacts each reply lists (ingested once), the sync unit chosen after the ESU
 * phase (§2.5, §2.6; what each kind of run is: `extraction-runs.ts`). The position is saved to `platform.json` before and
 * after every invocation, so an interrupted run resumes.
 */
import * as fs from 'node:fs';
import type { ArtifactIngest } from './artifact-ingest';
import { ingestListedArtifacts } from './reply-artifacts';
import { buildEvent } from './event-builder';
import { eventTypeToSend, PHASE_EVENTS, type Phase } from './event-types';
import { chooseSyncUnit, newRun, PHASE_ORDER, timeBounds, unreportedArtifacts } from './extraction-runs';
import { restoreStateSnapshot, saveStateSnapshot } from './state-snapshot';
import { loadPosition, savePosition, type PlatformPosition, type RunPosition } from './position';
import type { PlatformServices } from './services';
import type { PhaseStats, RunKind, RunOptions, RunProgress, RunResult } from './types';
import { drivePhases, RunFailure, runError, type RunPlan } from './run-driver';
import { artifactsInPushLog } from './push-log';
import { journaledReply } from './reply-journal';
import type { AirdropEvent, WireEmittedEvent } from './wire';

const DEFAULT_MAX_INVOCATIONS = 10_000;

export class Orchestrator {
  private running = false;

  constructor(
    private readonly services: PlatformServices,
    private readonly ingest: ArtifactIngest,
  ) {}

  /** Runs (or resumes) a run of `kind`; one run at a time per emulator. */
  async run(kind: RunKind, options: RunOptions): Promise<RunResult> {
    if (this.running) throw new Error('a run is already in progress on this airdrop emulator');
    this.running = true;
    try {
      return await new RunDriver(this.services, this.ingest, kind, options).drive();
    } finally {
      this.running = false;
    }
  }
}

/** Drives one call of runImport/runSync/runDelete. */
class RunDriver {
  private readonly positionFile: string;
  private position: PlatformPosition;
  private current!: RunPosition;
  /** The accepted reply of an invocation a dead process left in flight, and its artifacts already pushed. */
  private replay?: WireEmittedEvent;
  private alreadyPushed = new Set<string>();

  constructor(
    private readonly services: PlatformServices,
    private readonly ingest: ArtifactIngest,
    private readonly kind: RunKind,
    private readonly options: RunOptions,
  ) {
    this.positionFile = services.layout.platformFile;
    this.position = loadPosition(this.positionFile);
  }

  async drive(): Promise<RunResult> {
    this.services.invocations.takeStray(); // problems from outside any run are not this run's
    const previous = this.position.current;
    if (previous && previous.kind !== this.kind) {
      this.current = previous;
      this.finish('error', `abandoned: a ${this.kind} run was started before this ${previous.kind} run finished`);
    }
    if (this.position.current) {
      this.current = this.position.current;
      this.recoverInFlight();
    } else {
      if (this.kind !== 'import' && !this.position.syncUnit) {
        this.current = newRun(this.kind, this.position.syncUnit, this.legacy);
        return this.finish('error', `cannot ${this.kind}: no sync unit yet; run an import on this folder first`);
      }
      this.current = newRun(this.kind, this.position.syncUnit, this.legacy);
      this.position.current = this.current;
    }
    try {
      const limit = this.options.maxInvocations ?? DEFAULT_MAX_INVOCATIONS;
      if ((await drivePhases(this.services, this.current, this.plan(limit))) === 'limit') return this.interrupted(limit);
      const late = this.services.invocations.takeStray();
      if (late.length > 0) throw new RunFailure(`after the last invocation: ${late.join('; ')}`);
      return this.finish('done');
    } catch (err) {
      if (err instanceof RunFailure) return this.finish('error', err.message);
      throw err;
    }
  }

  /** This run's phases and what happens around each of its invocations. */
  private plan(maxInvocations: number): RunPlan {
    return {
      phases: PHASE_ORDER[this.kind],
      invoke: this.options.invoke,
      legacyEventTypes: this.legacy,
      delayScale: this.options.delayScale,
      maxInvocations,
      replay: this.replay,
      statsOf: (phase) => this.phaseStats(phase),
      buildEvent: (phase, eventType, requestId) => this.buildEvent(phase, eventType, requestId),
      beforeInvocation: (eventType, requestId) => {
        this.current.nextEventType = eventType;
        this.current.inFlightRequestId = requestId;
        saveStateSnapshot(this.services, this.current.phase === 'external_sync_units' ? undefined : this.position.syncUnit, requestId);
        this.save();
      },
      afterInvocation: () => {
        delete this.current.inFlightRequestId;
      },
      onReply: (phase, reply, label, eventType) => {
        const pushLog = { file: this.services.layout.pushLogFile, alreadyPushed: this.alreadyPushed };
        ingestListedArtifacts(this.ingest, pushLog, this.current, reply, label, (artifact) => this.report({
          type: 'artifact', phase, eventType, artifact: { id: artifact.id, itemType: artifact.item_type, itemCount: artifact.item_count },
        }));
        this.report({ type: 'invocation', phase, eventType, reply: reply.event_type });
      },
      onPhaseDone: (phase, label) => {
        if (phase !== 'external_sync_units') return;
        const unit = chooseSyncUnit(this.current.externalSyncUnits ?? [], this.options.syncUnitId, this.options.connection.org_id, label);
        this.position.syncUnit = unit;
        this.current.result.syncUnit = { id: unit.id, name: unit.name };
      },
      onMove: (cursor) => {
        this.current.nextEventType = eventTypeToSend(cursor.phase, cursor.next, this.legacy);
        this.save();
      },
    };
  }

  /**
   * A process that died mid-invocation. If the platform had accepted its reply (`reply-journal.ts`), the run
   * goes on from that reply, and its artifacts already in the push log are not pushed again. Otherwise the
   * state is rolled back (`state-snapshot.ts`) and the phase continued.
   */
  private recoverInFlight(): void {
    const requestId = this.current.inFlightRequestId;
    if (requestId === undefined) return;
    delete this.current.inFlightRequestId;
    const reply = journaledReply(this.services.layout, requestId);
    if (reply) {
      this.replay = reply;
      const listed = (Array.isArray(reply.event_data?.artifacts) ? reply.event_data.artifacts : []).map((a) => String(a?.id));
      this.alreadyPushed = artifactsInPushLog(this.services.layout.pushLogFile, listed);
      return;
    }
    restoreStateSnapshot(this.services, requestId);
    if (PHASE_EVENTS[this.current.phase].continue) this.current.next = 'continue';
  }

  private get legacy(): boolean {
    return this.options.legacyEventTypes === true;
  }

  private buildEvent(phase: Phase, eventType: string, requestId: string): AirdropEvent {
    return buildEvent({
      baseUrl: this.services.baseUrl(),
      serviceAccountToken: this.services.serviceAccountToken,
      eventType,
      runId: this.current.runId,
      requestId,
      mode: this.kind === 'sync' ? 'INCREMENTAL' : 'INITIAL',
      syncUnit: phase === 'external_sync_units' ? undefined : this.position.syncUnit,
      connection: this.options.connection,
      globalValues: this.options.globalValues ?? {},
      ...timeBounds(this.kind),
    });
  }

  private phaseStats(phase: Phase): PhaseStats {
    const phases = this.current.result.phases;
    let stats = phases.find((p) => p.phase === phase);
    if (!stats) {
      stats = { phase, invocations: 0, durationMs: 0, delays: 0, delaySeconds: 0 };
      phases.push(stats);
    }
    return stats;
  }

  private report(p: Pick<RunProgress, 'type' | 'phase' | 'eventType' | 'reply' | 'artifact'>): void {
    if (!this.options.onProgress) return;
    const r = this.current.result;
    this.options.onProgress({
      kind: this.kind,
      runId: this.current.runId,
      ...p,
      invocations: r.phases.reduce((n, s) => n + s.invocations, 0),
      phaseInvocations: this.phaseStats(this.current.phase).invocations,
      items: structuredClone(r.items),
      attachments: { ...r.attachments },
    });
  }

  /** Ends the run: appends the result to runs.jsonl and clears the position. */
  private finish(status: RunResult['status'], error?: string): RunResult {
    const warnings = unreportedArtifacts(this.services, this.current, this.position.syncUnit);
    const result: RunResult = {
      ...this.current.result,
      runId: this.current.runId,
      endedAt: new Date().toISOString(),
      status,
      ...(error !== undefined && { error: runError(this.services, this.options, error) }),
      ...(warnings.length > 0 && { warnings }),
    };
    this.ingest.settle();
    fs.appendFileSync(this.services.layout.runsFile, `${JSON.stringify(result)}\n`);
    delete this.position.current;
    if (this.current.kind === 'delete' && status === 'done' && this.position.syncUnit) {
      this.services.workerData.delete('extractor', this.position.syncUnit.platformId);
    }
    this.save();
    return result;
  }

  /** `maxInvocations` reached: the position stays, so the next call resumes this run. */
  private interrupted(limit: number): RunResult {
    this.save();
    return {
      ...this.current.result,
      runId: this.current.runId,
      endedAt: new Date().toISOString(),
      status: 'error',
      error: `interrupted after ${limit} invocation(s) (maxInvocations); call again on the same folder to resume run ${this.current.runId}`,
    };
  }

  private save(): void {
    savePosition(this.positionFile, this.position);
  }
}
