import { isAxiosError } from 'axios';
import type { AirdropEvent, ExtractionScope } from '../types/extraction';
import { axiosClient } from '../http/axios-client';
import { rawAuthHeaders } from '../http/platform-headers';

/** What the state `.get` returned: the parsed state (undefined on 404) and the extraction scope. */
export interface FetchedState {
  state?: object;
  objects?: ExtractionScope;
}

function stateParams(event: AirdropEvent): Record<string, string> {
  const ctx = event.payload.event_context;
  return { sync_unit: ctx.sync_unit_id, request_id: ctx.request_id_adaas };
}

function parseJsonField<T>(raw: unknown, field: string): T | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') return raw as T;
  try {
    return JSON.parse(raw) as T;
  } catch (e) {
    throw new Error(`State response field "${field}" is not valid JSON: ${(e as Error).message}`);
  }
}

/** `GET {worker_data_url}.get`; a 404 means "no state yet" and yields `state: undefined`. */
export async function fetchState(event: AirdropEvent): Promise<FetchedState> {
  try {
    const response = await axiosClient.get(`${event.payload.event_context.worker_data_url}.get`, {
      params: stateParams(event),
      headers: rawAuthHeaders(event),
    });
    const body = (response.data ?? {}) as { state?: unknown; objects?: unknown };
    return {
      state: parseJsonField<object>(body.state, 'state'),
      objects: parseJsonField<ExtractionScope>(body.objects, 'objects'),
    };
  } catch (error) {
    if (isAxiosError(error) && error.response?.status === 404) return {};
    throw error;
  }
}

/** `POST {worker_data_url}.update` with the state double-encoded: `{ "state": "<JSON string>" }`. */
export async function saveState(event: AirdropEvent, state: object): Promise<void> {
  await axiosClient.post(
    `${event.payload.event_context.worker_data_url}.update`,
    { state: JSON.stringify(state) },
    { params: stateParams(event), headers: rawAuthHeaders(event) },
  );
}
