/** Builds complete invocation events of the real shape (docs/airdrop-protocol.md §1). */
import { PLATFORM_IDENTITY, ROUTES } from './identity';
import type { AirdropEvent, TimeValue, WireConnectionData } from './wire';

/** The sync unit as the platform tracks it: the external unit plus the platform's own ids. */
export interface PlatformSyncUnit {
  /** External sync unit id (from the connector's list). */
  id: string;
  name: string;
  /** The platform's sync unit id (`sync_unit_id`, key of the state). */
  platformId: string;
  /** The platform's sync unit DON (`sync_unit`, used by mappers). */
  don: string;
}

/** Everything that varies between invocations. */
export interface EventSpec {
  baseUrl: string;
  serviceAccountToken: string;
  eventType: string;
  runId: string;
  requestId: string;
  mode: 'INITIAL' | 'INCREMENTAL';
  /** Unset only before a sync unit was chosen (external sync units phase). */
  syncUnit?: PlatformSyncUnit;
  connection: WireConnectionData;
  globalValues: Record<string, string>;
  extractionStartTime?: TimeValue;
  extractionEndTime?: TimeValue;
}

/** The sync unit DON for a platform sync unit id. */
export function syncUnitDon(orgId: string, platformId: string): string {
  return `don:integration:dvrv-us-1:devo/0:external_system_type/ADAAS:external_system/${orgId}:sync_unit/${platformId}`;
}

/**
 * `payload.event_context` as the platform sends it: every ★ field of §1 plus the deprecated aliases.
 * Its type is `WireEventContext` (the field list lives here only).
 */
function eventContextFor(spec: EventSpec) {
  const id = PLATFORM_IDENTITY;
  const unit = spec.syncUnit;
  return {
    callback_url: `${spec.baseUrl}${ROUTES.callback}`,
    dev_org: id.devOrg,
    dev_oid: id.devOid,
    dev_org_id: id.devOrg,
    dev_user: id.devUser,
    dev_user_id: id.devUser,
    dev_uid: id.devUid,
    event_type_adaas: '',
    external_sync_unit: unit?.id ?? '',
    external_sync_unit_id: unit?.id ?? '',
    external_sync_unit_name: unit?.name ?? '',
    external_system: spec.connection.org_id,
    external_system_id: spec.connection.org_id,
    external_system_name: spec.connection.org_name,
    external_system_type: id.externalSystemType,
    import_slug: id.importSlug,
    mode: spec.mode as EventSpec['mode'] | 'LOADING', // a loading run sets LOADING on the built event
    request_id: spec.requestId,
    request_id_adaas: spec.requestId,
    run_id: spec.runId,
    sequence_version: '1',
    snap_in_slug: id.snapInSlug,
    snap_in_version_id: id.snapInVersionId,
    sync_run: spec.runId,
    sync_run_id: spec.runId,
    sync_tier: id.syncTier,
    sync_unit: unit?.don ?? '',
    sync_unit_id: unit?.platformId ?? '',
    uuid: spec.requestId,
    worker_data_url: `${spec.baseUrl}${ROUTES.workerDataBase}/extractor`,
  };
}

export type WireEventContext = ReturnType<typeof eventContextFor> & {
  extraction_start_time?: TimeValue;
  extraction_end_time?: TimeValue;
  initial_sync_scope?: 'full-history' | 'time-scoped';
  [extra: string]: unknown;
};

export function buildEvent(spec: EventSpec): AirdropEvent {
  const id = PLATFORM_IDENTITY;
  const eventContext: WireEventContext = eventContextFor(spec);
  if (spec.mode === 'INITIAL') eventContext.initial_sync_scope = 'full-history';
  if (spec.extractionStartTime) eventContext.extraction_start_time = spec.extractionStartTime;
  if (spec.extractionEndTime) eventContext.extraction_end_time = spec.extractionEndTime;

  return {
    context: {
      secrets: { service_account_token: spec.serviceAccountToken },
      snap_in_version_id: id.snapInVersionId,
      snap_in_id: id.snapInId,
    },
    payload: {
      connection_data: { ...spec.connection },
      event_context: eventContext,
      event_type: spec.eventType,
      event_data: {},
    },
    execution_metadata: {
      request_id: spec.requestId,
      function_name: 'extraction',
      event_type: spec.eventType,
      devrev_endpoint: spec.baseUrl,
    },
    input_data: {
      global_values: { ...spec.globalValues },
      event_sources: {},
      keyrings: null,
      resources: { keyrings: {} },
    },
  };
}
