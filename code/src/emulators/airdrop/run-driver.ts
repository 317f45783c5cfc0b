/**
 * The one loop of every platform run, extraction or loading: through a table of phases, send START and
 * then CONTINUE while the connector answers PROGRESS or DELAYED; judge each invocation's single reply
 * (§2.4, §2.7); wait out a DELAY; move to the next phase on DONE; end the run on ERROR. What a run does
 * with a reply (ingest artifacts, add loader reports) and where it keeps its position are its hooks.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { allowedReplies, classifyReply, eventTypeToSend, type Phase } from './event-types';
import type { InvocationRecord } from './invocations';
import type { PlatformServices } from './services';
import type { RunOptions } from './types';
import { redactSecrets } from '../../text/redact';
import type { AirdropEvent, WireEmittedEvent } from './wire';

/** Thrown inside a run to end it with status `error` and this message. */
export class RunFailure extends Error {}

/** Where a run stands: its phase, and whether the next event starts or continues it. */
export interface RunCursor {
  phase: Phase;
  next: 'start' | 'continue';
}

/** What the driver counts per phase. */
export interface PhaseCounters {
  invocations: number;
  durationMs: number;
  delays: number;
  delaySeconds: number;
}

/** One kind of run: its phase table and what it does around each invocation. */
export interface RunPlan {
  phases: readonly Phase[];
  invoke: RunOptions['invoke'];
  legacyEventTypes?: boolean;
  delayScale?: number;
  /** Invocations allowed in this call; when reached the driver answers `'limit'`. */
  maxInvocations: number;
  /** The reply accepted for the invocation a dead process left in flight: judged first, without a call. */
  replay?: WireEmittedEvent;
  statsOf(phase: Phase): PhaseCounters;
  buildEvent(phase: Phase, eventType: string, requestId: string): AirdropEvent;
  /** Just before the call (the extraction run saves its position and a state snapshot). */
  beforeInvocation?(eventType: string, requestId: string): void;
  /** Just after the call, before its reply is judged. */
  afterInvocation?(): void;
  /** A reply the phase allows, before the driver acts on its outcome. */
  onReply(phase: Phase, reply: WireEmittedEvent, label: string, eventType: string): void;
  /** A phase answered DONE (before the cursor moves on). */
  onPhaseDone?(phase: Phase, label: string): void;
  /** The cursor moved (PROGRESS, DELAYED, or the next phase): keep it. */
  onMove?(cursor: RunCursor): void;
}

/** Drives `cursor` (mutated) to the end of the table: `'done'`, or `'limit'` when `maxInvocations` came first. */
export async function drivePhases(services: PlatformServices, cursor: RunCursor, plan: RunPlan): Promise<'done' | 'limit'> {
  let replay = plan.replay;
  for (let invocations = 0; ; invocations++) {
    if (invocations >= plan.maxInvocations) return 'limit';
    const { phase, next } = cursor;
    const eventType = eventTypeToSend(phase, next, plan.legacyEventTypes === true);
    const stats = plan.statsOf(phase);
    let reply: WireEmittedEvent;
    if (replay) {
      reply = replay;
      replay = undefined;
      stats.invocations++;
    } else {
      const requestId = randomUUID();
      plan.beforeInvocation?.(eventType, requestId);
      const event = plan.buildEvent(phase, eventType, requestId);
      const { record, thrown, durationMs } = await services.invocations.call(plan.invoke, event, requestId, eventType);
      stats.invocations++;
      stats.durationMs += durationMs;
      plan.afterInvocation?.();
      if (thrown !== undefined) {
        throw new RunFailure(`${labelOf(stats, phase, eventType)}: the snap-in function threw: ${(thrown as Error).message ?? String(thrown)}`);
      }
      reply = singleReply(services, record, labelOf(stats, phase, eventType));
    }
    const label = labelOf(stats, phase, eventType);
    const outcome = classifyReply(phase, reply.event_type);
    if (!outcome) {
      throw new RunFailure(`${label}: reply ${reply.event_type} is not allowed for ${eventType} (allowed: ${allowedReplies(phase).join(', ')})`);
    }
    plan.onReply(phase, reply, label, eventType);

    if (outcome === 'error') {
      throw new RunFailure(`${label}: the connector replied ${reply.event_type}: ${reply.event_data?.error?.message ?? '(no error message)'}`);
    }
    if (outcome === 'done') {
      plan.onPhaseDone?.(phase, label);
      const nextPhase = plan.phases[plan.phases.indexOf(phase) + 1];
      if (!nextPhase) return 'done';
      cursor.phase = nextPhase;
      cursor.next = 'start';
      plan.onMove?.(cursor);
      continue;
    }
    cursor.next = 'continue';
    if (outcome === 'delayed') {
      const delay = delaySeconds(reply, label);
      stats.delays++;
      stats.delaySeconds += delay;
      plan.onMove?.(cursor);
      await sleep(delay * (plan.delayScale ?? 1) * 1000);
      continue;
    }
    plan.onMove?.(cursor);
  }
}

function labelOf(stats: PhaseCounters, phase: Phase, eventType: string): string {
  return `invocation ${stats.invocations} of phase ${phase} (${eventType})`;
}

/** Exactly one emit per invocation (§2.7), and no protocol violation on the way. */
function singleReply(services: PlatformServices, record: InvocationRecord, label: string): WireEmittedEvent {
  const problems = [...record.violations, ...services.invocations.takeStray()];
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

function delaySeconds(reply: WireEmittedEvent, label: string): number {
  const delay = Number(reply.event_data?.delay);
  if (!Number.isFinite(delay) || delay < 0) {
    throw new RunFailure(`${label}: ${reply.event_type} needs event_data.delay in seconds, got ${JSON.stringify(reply.event_data?.delay)}`);
  }
  return delay;
}

/** A run's error for `runs.jsonl`: secrets never reach it, even when a connector echoes them. */
export function runError(services: PlatformServices, options: Pick<RunOptions, 'connection'>, message: string): string {
  return redactSecrets(message, [options.connection.key, services.serviceAccountToken]);
}
