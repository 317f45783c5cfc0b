import type { AirdropEvent, ExtractionScope } from '../types/extraction';
import type { AdapterState } from '../types/state';
import { logger } from '../common/logger';
import { fetchState, saveState } from './state-api';
import { initialAdapterState } from './sdk-state';

/** The state an invocation starts from, and the record-type scope the platform sent with it. */
export interface LoadedState<S> {
  state: AdapterState<S>;
  extractionScope: ExtractionScope;
}

/**
 * Fetches the stored state. A stored state replaces the initial one entirely (no merge). With no stored
 * state (404), the initial state (connector's + SDK defaults) is saved at once.
 */
export async function loadState<S>(event: AirdropEvent, initialState: S): Promise<LoadedState<S>> {
  const fetched = await fetchState(event);
  const extractionScope = fetched.objects ?? {};
  if (fetched.state !== undefined) {
    return { state: fetched.state as AdapterState<S>, extractionScope };
  }
  const state = initialAdapterState(initialState, event.payload.event_context.mode) as AdapterState<S>;
  logger.info('No stored state; saving the initial state');
  await saveState(event, state);
  return { state, extractionScope };
}
