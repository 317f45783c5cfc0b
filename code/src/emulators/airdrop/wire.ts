/**
 * The few wire shapes of the Airdrop protocol the platform emulator speaks
 * (docs/airdrop-protocol.md §1, §3, §5, §8). Defined here on purpose: the emulator
 * plays the platform and must not depend on our SDK-compatible layer (`code/src/adaas/`).
 */
import type { WireEventContext } from './event-builder';

/** `{type, value?}` time bound the platform sends for time-scoped and incremental syncs (§1). */
export interface TimeValue {
  type: string;
  value?: string;
}

/** `payload.event_context`: its fields are those `event-builder.ts` fills in. */
export type { WireEventContext };

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
