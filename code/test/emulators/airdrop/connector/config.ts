/**
 * The end-to-end test connector's knobs, passed as `input_data.global_values` (strings) so they reach
 * the worker threads inside the event, like real import options do.
 */
import type { AirdropEvent } from '../../../../src/adaas';

export interface TestConnectorConfig {
  /** Number of `tickets` items to extract. */
  items: number;
  /** Number of attachments to list and stream. */
  attachments: number;
  /** Base URL of the fake external system serving `/files/<i>`. */
  filesUrl: string;
  /** Simulated cost of extracting one item. */
  itemCostMs: number;
  /** Reply DATA_EXTRACTION_DELAYED once, when the cursor first reaches this many items. */
  delayAt: number;
  /** The delay to ask for, in seconds. */
  delaySeconds: number;
}

export function toGlobalValues(c: TestConnectorConfig): Record<string, string> {
  return {
    test_items: String(c.items),
    test_attachments: String(c.attachments),
    test_files_url: c.filesUrl,
    test_item_cost_ms: String(c.itemCostMs),
    test_delay_at: String(c.delayAt),
    test_delay_seconds: String(c.delaySeconds),
  };
}

export function fromEvent(event: AirdropEvent): TestConnectorConfig {
  const g = (event.input_data?.global_values ?? {}) as Record<string, string>;
  return {
    items: Number(g.test_items),
    attachments: Number(g.test_attachments),
    filesUrl: g.test_files_url,
    itemCostMs: Number(g.test_item_cost_ms),
    delayAt: Number(g.test_delay_at),
    delaySeconds: Number(g.test_delay_seconds),
  };
}

/** The connector's own state (the SDK merges its fields into the adapter state). */
export interface TestConnectorState {
  cursor: number;
  delayed: boolean;
  attachmentsListed: boolean;
}

export const INITIAL_STATE: TestConnectorState = { cursor: 0, delayed: false, attachmentsListed: false };

/** The deterministic ticket number `i`. */
export function ticket(i: number) {
  const created = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return { id: `t${i}`, created_at: created, updated_at: created, title: `Ticket ${i}`, owner: `u${i % 7}` };
}

export const METADATA = {
  schema_version: 'v0.2.0',
  record_types: {
    tickets: {
      name: 'Ticket',
      fields: {
        title: { name: 'Title', type: 'text', is_required: true },
        owner: { name: 'Owner', type: 'text' },
      },
    },
  },
};

export const INITIAL_DOMAIN_MAPPING = {
  additional_mappings: {
    record_type_mappings: {
      tickets: { default_mapping: { object_category: 'stock', object_type: 'ticket' }, possible_record_type_mappings: [] },
    },
    format_version: 'v0.2.0',
  },
};
