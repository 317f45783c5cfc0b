import type { AirdropEvent, EventData, ExtractorEvent, WorkerMetadata } from '../types/extraction';
import { axiosClient } from '../http/axios-client';
import { callbackHeaders } from '../http/platform-headers';
import { LIBRARY_VERSION } from './constants';
import { translateOutgoingEventType } from './event-type-translation';
import { logger } from './logger';

/** Arguments of one callback POST. */
export interface EmitParams {
  event: AirdropEvent;
  eventType: string;
  data?: EventData;
  workerMetadata?: WorkerMetadata;
}

/** Builds the callback body: event type (new string), incoming event_context verbatim, data, worker_metadata. */
export function buildOutgoingEvent({ event, eventType, data, workerMetadata }: EmitParams): ExtractorEvent {
  const ctx = event.payload.event_context;
  return {
    event_type: translateOutgoingEventType(eventType),
    event_context: ctx,
    event_data: data ?? {},
    worker_metadata: {
      ...workerMetadata,
      oldest_state_date: ctx.extract_from,
      newest_state_date: ctx.extract_to,
      adaas_library_version: LIBRARY_VERSION,
    },
  };
}

/** POSTs the single outgoing event of an invocation to `callback_url`. Throws when the platform refuses it. */
export async function emit(params: EmitParams): Promise<void> {
  const body = buildOutgoingEvent(params);
  logger.info({ eventType: body.event_type }, 'Emitting event');
  await axiosClient.post(params.event.payload.event_context.callback_url, body, {
    headers: callbackHeaders(params.event),
  });
}
