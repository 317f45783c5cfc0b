/**
 * The platform's part of a run: sends one event per invocation, judges the single reply
 * (§2.4, §2.7), ingests the artifacts it lists, and moves through the phases (§2.5, §2.6).
 * The position is saved to `platform.json` after every invocation, so an interrupted run resumes.
 */
import * as fs from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ArtifactError, type ArtifactIngest, type IngestResult } from './artifact-ingest';
import { appendPushes } from './push-log';
import { buildEvent, syncUnitDon, type PlatformSyncUnit } from './event-builder';
import { allowedReplies, classifyReply, eventTypeToSend, PHASE_EVENTS, type Phase } from './event-types';
import type { InvocationRecord } from './invocations';
import { redactSecrets } from '../../text/redact';
import { readJsonIfExists, writeFileAtomic } from '../../files/atomic';
import { loadPosition, savePosition, type PlatformPosition, type RunPosition } from './position';
import type { PlatformServices } from './services';
import type { PhaseStats, RunKind, RunOptions, RunProgress, RunResult } from './types';
import type { TimeValue, WireEmittedEvent } from './wire';

const PHASE_ORDER: Record<RunKind, Phase[]> = {
  import: ['external_sync_units', 'metadata', 'data', 'attachments'],
  sync: ['metadata', 'data', 'attachments'],
  delete: ['delete_extractor_state', 'delete_attachments_state'],
};

const DEFAULT_MAX_INVOCATIONS = 10_000;

/** The extractor state before the invocation `requestId` (null: there was none). */
interface StateSnapshot {
  requestId: string;
  syncUnit: string;
  state: string | null;
}

/** Thrown inside a run to end it with status `error`. */
class RunFailure extends Error {}

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
  private invocationsThisCall = 0;

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
        this.current = this.newRun();
        return this.finish('error', `cannot ${this.kind}: no sync unit yet; run an import on this folder first`);
      }
      this.current = this.newRun();
      this.position.current = this.current;
    }
    try {
      for (;;) {
        const limit = this.options.maxInvocations ?? DEFAULT_MAX_INVOCATIONS;
        if (this.invocationsThisCall >= limit) return this.interrupted(limit);
        if (await this.invokeOnce()) {
          const late = this.services.invocations.takeStray();
          if (late.length > 0) throw new RunFailure(`after the last invocation: ${late.join('; ')}`);
          return this.finish('done');
        }
      }
    } catch (err) {
      if (err instanceof RunFailure) return this.finish('error', err.message);
      throw err;
    }
  }

  private newRun(): RunPosition {
    const phase = PHASE_ORDER[this.kind][0];
    const unit = this.kind === 'import' ? undefined : this.position.syncUnit;
    const runId = randomUUID();
    return {
      runId,
      kind: this.kind,
      phase,
      next: 'start',
      nextEventType: eventTypeToSend(phase, 'start', this.legacy),
      result: {
        kind: this.kind,
        runId,
        startedAt: new Date().toISOString(),
        phases: [],
        items: {},
        attachments: { received: 0, bytes: 0 },
        syncUnit: { id: unit?.id ?? '', name: unit?.name ?? '' },
      },
    };
  }

  /**
   * A process that died mid-invocation: the connector may have saved an advanced state without the
   * platform ever ingesting the artifacts of that invocation. Roll the state back to what it was before
   * the invocation (its work is redone; the store merges by id), and continue the phase.
   */
  private recoverInFlight(): void {
    const requestId = this.current.inFlightRequestId;
    if (requestId === undefined) return;
    const snapshot = readJsonIfExists<StateSnapshot>(this.services.layout.stateSnapshotFile);
    if (snapshot?.requestId === requestId) {
      if (snapshot.state === null) this.services.workerData.delete('extractor', snapshot.syncUnit);
      else this.services.workerData.set('extractor', snapshot.syncUnit, snapshot.state);
    }
    if (PHASE_EVENTS[this.current.phase].continue) this.current.next = 'continue';
    delete this.current.inFlightRequestId;
  }

  /** Remembers the extractor state before an invocation, for `recoverInFlight`. */
  private snapshotState(requestId: string): void {
    const unit = this.position.syncUnit;
    if (!unit || this.current.phase === 'external_sync_units') {
      fs.rmSync(this.services.layout.stateSnapshotFile, { force: true });
      return;
    }
    const snapshot: StateSnapshot = {
      requestId,
      syncUnit: unit.platformId,
      state: this.services.workerData.get('extractor', unit.platformId) ?? null,
    };
    writeFileAtomic(this.services.layout.stateSnapshotFile, JSON.stringify(snapshot));
  }

  private get legacy(): boolean {
    return this.options.legacyEventTypes === true;
  }

  /** One invocation and its consequences; true when the run is complete. */
  private async invokeOnce(): Promise<boolean> {
    const { phase, next } = this.current;
    const eventType = eventTypeToSend(phase, next, this.legacy);
    const requestId = randomUUID();
    this.current.nextEventType = eventType;
    this.current.inFlightRequestId = requestId;
    this.snapshotState(requestId);
    this.save();

    const event = buildEvent({
      baseUrl: this.services.baseUrl(),
      serviceAccountToken: this.services.serviceAccountToken,
      eventType,
      runId: this.current.runId,
      requestId,
      mode: this.kind === 'sync' ? 'INCREMENTAL' : 'INITIAL',
      syncUnit: phase === 'external_sync_units' ? undefined : this.position.syncUnit,
      connection: this.options.connection,
      globalValues: this.options.globalValues ?? {},
      ...this.timeBounds(),
    });

    const { record, thrown, durationMs } = await this.services.invocations.call(this.options.invoke, event, requestId, eventType);
    this.invocationsThisCall++;
    const stats = this.phaseStats(phase);
    stats.invocations++;
    stats.durationMs += durationMs;
    delete this.current.inFlightRequestId;

    const label = `invocation ${stats.invocations} of phase ${phase} (${eventType})`;
    if (thrown !== undefined) {
      throw new RunFailure(`${label}: the snap-in function threw: ${(thrown as Error).message ?? String(thrown)}`);
    }
    const reply = this.singleReply(record, label);
    const outcome = classifyReply(phase, reply.event_type);
    if (!outcome) {
      throw new RunFailure(
        `${label}: reply ${reply.event_type} is not allowed for ${eventType} (allowed: ${allowedReplies(phase).join(', ')})`,
      );
    }
    this.ingestArtifacts(reply, label, eventType);
    this.report({ type: 'invocation', phase, eventType, reply: reply.event_type });

    switch (outcome) {
      case 'error':
        throw new RunFailure(
          `${label}: the connector replied ${reply.event_type}: ${reply.event_data?.error?.message ?? '(no error message)'}`,
        );
      case 'progress':
        this.current.next = 'continue';
        this.save();
        return false;
      case 'delayed': {
        const delay = Number(reply.event_data?.delay);
        if (!Number.isFinite(delay) || delay < 0) {
          throw new RunFailure(
            `${label}: ${reply.event_type} needs event_data.delay in seconds, got ${JSON.stringify(reply.event_data?.delay)}`,
          );
        }
        stats.delays++;
        stats.delaySeconds += delay;
        this.current.next = 'continue';
        this.save();
        await sleep(delay * (this.options.delayScale ?? 1) * 1000);
        return false;
      }
      case 'done':
        return this.advance(phase, label);
    }
  }

  /** Exactly one emit per invocation (§2.7), and no protocol violation on the way. */
  private singleReply(record: InvocationRecord, label: string): WireEmittedEvent {
    const problems = [...record.violations, ...this.services.invocations.takeStray()];
    if (problems.length > 0) throw new RunFailure(`${label}: ${problems.join('; ')}`);
    if (record.emits.length === 0) {
      throw new RunFailure(`${label} ended without emitting an event; exactly one emit per invocation is required`);
    }
    if (record.emits.length > 1) {
      const types = record.emits.map((e) => e.event_type).join(', ');
      throw new RunFailure(`${label} emitted ${record.emits.length} events (${types}); exactly one is allowed`);
    }
    return record.emits[0];
  }

  private ingestArtifacts(reply: WireEmittedEvent, label: string, eventType: string): void {
    const listed = reply.event_data?.artifacts ?? [];
    if (!Array.isArray(listed)) throw new RunFailure(`${label}: event_data.artifacts must be an array`);
    const ingested = (this.current.ingestedArtifacts ??= []);
    for (const artifact of listed) {
      if (ingested.includes(artifact?.id)) {
        throw new RunFailure(`${label}: artifact ${artifact.id} (item type ${artifact.item_type}) was already listed earlier in this run`);
      }
      let result: IngestResult;
      try {
        result = this.ingest.ingest(artifact);
      } catch (err) {
        if (err instanceof ArtifactError) throw new RunFailure(`${label}: ${err.message}`);
        throw err;
      }
      ingested.push(artifact.id);
      if (result.kind === 'items' || result.kind === 'attachments') {
        const { runId: run, kind } = this.current;
        appendPushes(this.services.layout.pushLogFile, result.ids.map((id) => ({ run, kind, item_type: artifact.item_type, id, artifact: artifact.id })));
      }
      this.apply(result);
      this.report({
        type: 'artifact',
        phase: this.current.phase,
        eventType,
        artifact: { id: artifact.id, itemType: artifact.item_type, itemCount: artifact.item_count },
      });
    }
  }

  private apply(result: IngestResult): void {
    const r = this.current.result;
    if (result.kind === 'items') {
      const counts = (r.items[result.itemType] ??= { received: 0, new: 0, updated: 0 });
      counts.received += result.counts.received;
      counts.new += result.counts.new;
      counts.updated += result.counts.updated;
    } else if (result.kind === 'attachments') {
      r.attachments.received += result.received;
      r.attachments.bytes += result.bytes;
      (this.current.referencedArtifacts ??= []).push(...result.artifactIds);
    } else if (result.kind === 'sync_units') {
      (this.current.externalSyncUnits ??= []).push(...result.units);
    }
  }

  /** After a `*_DONE`: choose the sync unit after the ESU phase, then go to the next phase. */
  private advance(phase: Phase, label: string): boolean {
    if (phase === 'external_sync_units') this.chooseSyncUnit(label);
    const order = PHASE_ORDER[this.kind];
    const nextPhase = order[order.indexOf(phase) + 1];
    if (!nextPhase) return true;
    this.current.phase = nextPhase;
    this.current.next = 'start';
    this.current.nextEventType = eventTypeToSend(nextPhase, 'start', this.legacy);
    this.save();
    return false;
  }

  private chooseSyncUnit(label: string): void {
    const units = this.current.externalSyncUnits ?? [];
    if (units.length === 0) throw new RunFailure(`${label}: the connector reported no external sync units`);
    const wanted = this.options.syncUnitId ?? units[0].id;
    const unit = units.find((u) => u.id === wanted);
    if (!unit) {
      throw new RunFailure(
        `${label}: sync unit ${wanted} is not among the reported external sync units (${units.map((u) => u.id).join(', ')})`,
      );
    }
    // A new import is a new sync unit on the platform, hence a fresh state.
    const platformId = randomBytes(6).toString('hex');
    const chosen: PlatformSyncUnit = {
      id: unit.id,
      name: unit.name,
      platformId,
      don: syncUnitDon(this.options.connection.org_id, platformId),
    };
    this.position.syncUnit = chosen;
    this.current.result.syncUnit = { id: unit.id, name: unit.name };
  }

  private timeBounds(): { extractionStartTime?: TimeValue; extractionEndTime?: TimeValue } {
    if (this.kind === 'import') return { extractionStartTime: { type: 'unbounded' }, extractionEndTime: { type: 'current_time' } };
    if (this.kind === 'sync') {
      return { extractionStartTime: { type: 'workers_newest' }, extractionEndTime: { type: 'current_time' } };
    }
    return {};
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
    const warnings = this.unreportedArtifacts();
    const result: RunResult = {
      ...this.current.result,
      runId: this.current.runId,
      endedAt: new Date().toISOString(),
      status,
      ...(error !== undefined && { error: this.redact(error) }),
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

  /**
   * Artifacts uploaded during this run (by this process) that no event listed and no ssor_attachment
   * record points to: DevRev never reads them (work lost, or a connector listing artifacts wrongly).
   */
  private unreportedArtifacts(): string[] {
    const reported = new Set([...(this.current.ingestedArtifacts ?? []), ...(this.current.referencedArtifacts ?? [])]);
    return this.services.artifacts
      .uploadedSince(Date.parse(this.current.result.startedAt))
      .filter((record) => !reported.has(record.id))
      .map((record) => `artifact ${record.id} (${record.fileName}) was uploaded but no event reported it`);
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

  /** Secrets never reach runs.jsonl, even when a connector echoes them in an error message. */
  private redact(message: string): string {
    return redactSecrets(message, [this.options.connection.key, this.services.serviceAccountToken]);
  }
}
