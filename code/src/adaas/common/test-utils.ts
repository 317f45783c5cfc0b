import type { AirdropEvent, EventContext } from '../types/extraction';
import { EventType } from '../types/extraction';

/** Base URL placeholder used by `createMockEvent` when none is given. */
export const MOCK_SERVER_DEFAULT_URL = 'http://localhost:0';

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function mergeDeep<T>(base: T, overrides: unknown): T {
  if (overrides === undefined || overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    return (overrides === undefined ? base : overrides) as T;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    out[key] = mergeDeep(out[key], value);
  }
  return out as T;
}

/**
 * A complete invocation event whose URLs point at `baseUrl` (`<base>/callback_url`,
 * `<base>/worker_data_url`, devrev_endpoint `<base>`), deep-merged with `overrides`.
 */
export function createMockEvent(baseUrl: string = MOCK_SERVER_DEFAULT_URL, overrides: DeepPartial<AirdropEvent> = {}): AirdropEvent {
  const requestId = 'test-request-id';
  const context: EventContext = {
    callback_url: `${baseUrl}/callback_url`,
    dev_org: 'DEV-0',
    dev_oid: 'don:identity:dvrv-us-1:devo/0',
    dev_org_id: 'DEV-0',
    dev_user: 'DEVU-1',
    dev_user_id: 'DEVU-1',
    dev_uid: 'don:identity:dvrv-us-1:devo/0:devu/1',
    event_type_adaas: '',
    external_sync_unit: 'test-external-sync-unit',
    external_sync_unit_id: 'test-external-sync-unit',
    external_sync_unit_name: 'Test external sync unit',
    external_system: 'test-external-system',
    external_system_id: 'test-external-system',
    external_system_name: 'Test',
    external_system_type: 'ADaaS',
    import_slug: 'test-import',
    mode: 'INITIAL',
    request_id: requestId,
    request_id_adaas: requestId,
    run_id: 'test-run-id',
    sequence_version: '1',
    snap_in_slug: 'test-snap-in',
    snap_in_version_id: 'test-snap-in-version-id',
    sync_run: 'test-run-id',
    sync_run_id: 'test-run-id',
    sync_tier: 'sync_tier_2',
    sync_unit: 'don:integration:dvrv-us-1:devo/0:external_system_type/ADAAS:external_system/test:sync_unit/1',
    sync_unit_id: '1',
    uuid: requestId,
    worker_data_url: `${baseUrl}/worker_data_url`,
  };
  const base: AirdropEvent = {
    context: {
      secrets: { service_account_token: 'test-service-account-token' },
      snap_in_version_id: 'test-snap-in-version-id',
      snap_in_id: 'test-snap-in-id',
    },
    payload: {
      connection_data: { org_id: 'test-org', org_name: 'Test org', key: 'test-key', key_type: 'pat' },
      event_context: context,
      event_type: EventType.StartExtractingData,
      event_data: {},
    },
    execution_metadata: { devrev_endpoint: baseUrl },
    input_data: { global_values: {}, event_sources: {} },
  };
  return mergeDeep(base, overrides);
}
