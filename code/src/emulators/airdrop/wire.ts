/**
 * The few wire shapes of the Airdrop protocol the platform emulator speaks
 * (docs/airdrop-protocol.md §1, §3, §5, §8). Defined here on purpose: the emulator
 * plays the platform and must not depend on our SDK-compatible layer (`code/src/adaas/`).
 */

/** `{type, value?}` time bound the platform sends for time-scoped and incremental syncs (§1). */
export interface TimeValue {
  type: string;
  value?: string;
}

/** `payload.event_context` as the platform sends it; every ★ field of §1 plus the deprecated aliases. */
export interface WireEventContext {
  callback_url: string;
  dev_org: string;
  dev_oid: string;
  dev_org_id: string;
  dev_user: string;
  dev_user_id: string;
  dev_uid: string;
  event_type_adaas: string;
  external_sync_unit: string;
  external_sync_unit_id: string;
  external_sync_unit_name: string;
  external_system: string;
  external_system_id: string;
  external_system_name: string;
  external_system_type: string;
  extraction_start_time?: TimeValue;
  extraction_end_time?: TimeValue;
  import_slug: string;
  initial_sync_scope?: 'full-history' | 'time-scoped';
  mode: 'INITIAL' | 'INCREMENTAL' | 'LOADING';
  request_id: string;
  request_id_adaas: string;
  run_id: string;
  sequence_version: string;
  snap_in_slug: string;
  snap_in_version_id: string;
  sync_run: string;
  sync_run_id: string;
  sync_tier: string;
  sync_unit: string;
  sync_unit_id: string;
  uuid: string;
  worker_data_url: string;
  [extra: string]: unknown;
}

/** The connection the user picked, as the keyring hands it over (§1). */
export interface WireConnectionData {
  org_id: string;
  org_name: string;
  key: string;
  key_type: string;
}

/** One element of the `events` array a snap-in function receives (§1). */
export interface AirdropEvent {
  context: {
    secrets: { service_account_token: string };
    snap_in_version_id: string;
    snap_in_id: string;
  };
  payload: {
    connection_data: WireConnectionData;
    event_context: WireEventContext;
    event_type: string;
    event_data?: Record<string, unknown>;
  };
  execution_metadata: { request_id: string; function_name: string; event_type: string; devrev_endpoint: string };
  input_data: {
    global_values: Record<string, string>;
    event_sources: Record<string, string>;
    keyrings: null;
    resources: { keyrings: Record<string, string> };
  };
}

/** An artifact as listed in `event_data.artifacts` of an emitted event (§5.2). */
export interface WireArtifact {
  id: string;
  item_type: string;
  item_count: number;
  [extra: string]: unknown;
}

/** The body the connector POSTs to `callback_url` (§3.1). */
export interface WireEmittedEvent {
  event_type: string;
  event_context: Partial<WireEventContext>;
  event_data?: {
    artifacts?: WireArtifact[];
    error?: { message?: string };
    delay?: number | string;
    [extra: string]: unknown;
  };
  worker_metadata?: Record<string, unknown>;
}

/** A sync mapper record (§7.3). */
export interface SyncMapperRecord {
  id: string;
  sync_unit: string;
  external_ids: string[];
  secondary_ids?: Record<string, string>;
  targets: string[];
  status: string;
  input_files?: string[];
  external_versions?: { modified_date?: string; recipe_version?: number }[];
  extra_data?: string;
}
