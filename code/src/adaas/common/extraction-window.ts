import type { AirdropEvent } from '../types/extraction';
import { EventType } from '../types/extraction';
import type { ExtractionSdkState } from '../types/state';
import { maxIso, minIso, resolveTimeValue } from './time-value-resolver';

type WindowState = Partial<ExtractionSdkState>;

/**
 * Sets `event_context.extract_from/extract_to` (§4.3): resolved from the platform's time values on
 * START_EXTRACTING_METADATA and cached as pending in state; copied from state on later events.
 * Also stamps the legacy `lastSyncStarted` on START_EXTRACTING_DATA. Throws when from >= to.
 */
export function applyExtractionWindow(event: AirdropEvent, state: WindowState, now: Date = new Date()): void {
  const ctx = event.payload.event_context;
  if (event.payload.event_type === EventType.StartExtractingMetadata) {
    state.pendingWorkersOldest = ctx.extraction_start_time ? resolveTimeValue(ctx.extraction_start_time, state, now) : '';
    state.pendingWorkersNewest = ctx.extraction_end_time ? resolveTimeValue(ctx.extraction_end_time, state, now) : '';
  }
  if (state.pendingWorkersOldest) ctx.extract_from = state.pendingWorkersOldest;
  if (state.pendingWorkersNewest) ctx.extract_to = state.pendingWorkersNewest;
  if (ctx.extract_from && ctx.extract_to && Date.parse(ctx.extract_from) >= Date.parse(ctx.extract_to)) {
    throw new Error(`Invalid extraction window: extract_from ${ctx.extract_from} is not before extract_to ${ctx.extract_to}`);
  }
  if (event.payload.event_type === EventType.StartExtractingData && !state.lastSyncStarted) {
    state.lastSyncStarted = now.toISOString();
  }
}

/** On ATTACHMENT_EXTRACTION_DONE: the run becomes the last successful one and widens the covered window. */
export function completeExtractionCycle(event: AirdropEvent, state: WindowState): void {
  const ctx = event.payload.event_context;
  state.lastSuccessfulSyncStarted = state.lastSyncStarted ?? '';
  state.lastSyncStarted = '';
  state.workersOldest = minIso(state.workersOldest, ctx.extract_from);
  state.workersNewest = maxIso(state.workersNewest, ctx.extract_to);
  state.pendingWorkersOldest = '';
  state.pendingWorkersNewest = '';
}
