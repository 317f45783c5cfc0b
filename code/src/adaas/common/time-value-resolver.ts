import { TimeValue, TimeValueType } from '../types/extraction';
import { UNBOUNDED_DATE_TIME_VALUE } from './constants';

/** The state fields the resolver reads. */
export interface TimeResolutionState {
  workersOldest?: string;
  workersNewest?: string;
  lastSuccessfulSyncStarted?: string;
}

const GO_DURATION_UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a Go duration ("500ms", "1h30m", "2.5s") into milliseconds; throws on anything else. */
export function parseGoDuration(text: string): number {
  const trimmed = text.trim();
  const part = /(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = part.exec(trimmed)) !== null) {
    total += parseFloat(match[1]) * GO_DURATION_UNIT_MS[match[2]];
    consumed = part.lastIndex;
  }
  if (trimmed === '0') return 0;
  if (consumed === 0 || consumed !== trimmed.length) throw new Error(`Invalid Go duration "${text}"`);
  return total;
}

function toIso(value: string, what: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`Invalid ${what} "${value}": not an ISO 8601 date`);
  return new Date(time).toISOString();
}

function shift(iso: string, deltaMs: number): string {
  return new Date(Date.parse(iso) + deltaMs).toISOString();
}

function workersNewest(state: TimeResolutionState): string {
  const value = state.workersNewest || state.lastSuccessfulSyncStarted;
  if (!value) throw new Error('Cannot resolve workers_newest: no previous successful sync in state');
  return toIso(value, 'workersNewest');
}

function workersOldest(state: TimeResolutionState): string {
  return state.workersOldest ? toIso(state.workersOldest, 'workersOldest') : UNBOUNDED_DATE_TIME_VALUE;
}

/** Resolves a platform TimeValue to an ISO timestamp against the state (§4.3). */
export function resolveTimeValue(value: TimeValue, state: TimeResolutionState, now: Date = new Date()): string {
  switch (value.type) {
    case TimeValueType.ABSOLUTE_TIME:
      if (!value.value) throw new Error('absolute_time without a value');
      return toIso(value.value, 'absolute_time value');
    case TimeValueType.CURRENT_TIME:
      return now.toISOString();
    case TimeValueType.UNBOUNDED:
      return UNBOUNDED_DATE_TIME_VALUE;
    case TimeValueType.WORKERS_OLDEST:
      return workersOldest(state);
    case TimeValueType.WORKERS_OLDEST_MINUS_WINDOW:
      return shift(workersOldest(state), -parseGoDuration(value.value ?? ''));
    case TimeValueType.WORKERS_NEWEST:
      return workersNewest(state);
    case TimeValueType.WORKERS_NEWEST_PLUS_WINDOW:
      return shift(workersNewest(state), parseGoDuration(value.value ?? ''));
    default:
      throw new Error(`Unknown time value type "${String((value as TimeValue).type)}"`);
  }
}

/** The earlier of two ISO timestamps, ignoring empty ones. */
export function minIso(a: string | undefined, b: string | undefined): string {
  if (!a) return b ?? '';
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** The later of two ISO timestamps, ignoring empty ones. */
export function maxIso(a: string | undefined, b: string | undefined): string {
  if (!a) return b ?? '';
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
