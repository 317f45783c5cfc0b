/**
 * The platform's transformer, as far as our initial domain mapping uses it (protocol §13): the
 * stock field mappings of an external record type's default DevRev target, applied forward
 * (extracted item data → DevRev fields, `forward: true`) or in reverse (DevRev fields → the data a
 * loader receives, `reverse: true`, and only when the record type mapping itself is two-way).
 *
 * Methods: `use_directly`, `use_rich_text`, `use_as_array_value`, `map_enum` (forward with
 * `forward_default`; in reverse a DevRev value the mapping does not list gives no value), and forward
 * only `use_fixed_value`, literal `use_raw_jq`; `fallback` fills an empty forward result.
 * `use_devrev_record` (a DevRev object the user picks) has no value here. In reverse, a DevRev id
 * (`don:…`) the sync mapper links to an external id becomes that id, as the platform resolves
 * references.
 */

/** A mapping file (`{ additional_mappings: {...} }`) or an installed mapping (its contents at top level). */
export type InitialDomainMappingLike = Record<string, unknown>;

interface TransformationMethod {
  transformation_method: string;
  is_array?: boolean;
  forward?: Record<string, { value: string }>;
  forward_default?: string;
  reverse?: Record<string, { value: string }>;
  value?: string;
  enum?: string;
  bool?: boolean;
  forward_jq?: string;
}

interface StockFieldMapping {
  forward: boolean;
  reverse: boolean;
  primary_external_field?: string;
  transformation_method_for_set?: TransformationMethod;
  fallback?: { type: string; value: unknown };
}

interface RecordTypeMapping {
  default_mapping?: { object_type?: string };
  possible_record_type_mappings?: Array<{
    devrev_leaf_type: string;
    forward: boolean;
    reverse: boolean;
    shard?: { stock_field_mappings?: Record<string, StockFieldMapping> };
  }>;
}

/** Thrown for a mapping the transformer cannot apply; the message names the record type and field. */
export class DomainMappingError extends Error {
  override name = 'DomainMappingError';
}

/** The default target's mapping of `recordType`, or a DomainMappingError. */
function targetMapping(idm: InitialDomainMappingLike, recordType: string) {
  const additional = (idm.additional_mappings ?? idm) as { record_type_mappings?: Record<string, RecordTypeMapping> };
  const mapping = additional.record_type_mappings?.[recordType];
  if (!mapping) throw new DomainMappingError(`the initial domain mapping has no record type ${recordType}`);
  const leaf = mapping.default_mapping?.object_type;
  const target = mapping.possible_record_type_mappings?.find((m) => m.devrev_leaf_type === leaf);
  if (!target) throw new DomainMappingError(`record type ${recordType}: no possible mapping for its default target ${String(leaf)}`);
  return { ...target, fields: target.shard?.stock_field_mappings ?? {} };
}

const isEmpty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);

function forwardValue(recordType: string, field: string, m: StockFieldMapping, data: Record<string, unknown>): unknown {
  const method = m.transformation_method_for_set;
  const input = m.primary_external_field === undefined ? undefined : data[m.primary_external_field];
  switch (method?.transformation_method) {
    case 'use_directly':
    case 'use_rich_text':
      return input;
    case 'use_as_array_value':
      return isEmpty(input) ? [] : [input];
    case 'map_enum': {
      const one = (v: unknown) => method.forward?.[String(v)]?.value ?? (method.forward_default === undefined ? undefined : method.forward?.[method.forward_default]?.value);
      if (isEmpty(input)) return undefined;
      return method.is_array && Array.isArray(input) ? input.map(one) : one(input);
    }
    case 'use_fixed_value':
      return method.value === 'bool_value' ? method.bool : method.enum;
    case 'use_raw_jq':
      try {
        return JSON.parse(method.forward_jq ?? '');
      } catch {
        throw new DomainMappingError(`record type ${recordType}, field ${field}: only literal use_raw_jq is emulated (got ${method.forward_jq})`);
      }
    case 'use_devrev_record':
      return undefined;
    default:
      throw new DomainMappingError(`record type ${recordType}, field ${field}: transformation method ${method?.transformation_method} is not emulated`);
  }
}

/** Extracted item data → the DevRev fields the platform creates (`forward: true` mappings). */
export function mapForward(idm: InitialDomainMappingLike, recordType: string, data: Record<string, unknown>): Record<string, unknown> {
  const target = targetMapping(idm, recordType);
  const out: Record<string, unknown> = {};
  for (const [field, m] of Object.entries(target.fields)) {
    if (!m.forward) continue;
    let value = forwardValue(recordType, field, m, data);
    if (isEmpty(value) && m.fallback) value = m.fallback.value;
    if (value !== undefined) out[field] = value;
  }
  return out;
}

function reverseValue(m: StockFieldMapping, value: unknown): unknown {
  const method = m.transformation_method_for_set;
  switch (method?.transformation_method) {
    case 'use_directly':
    case 'use_rich_text':
      return value;
    case 'use_as_array_value':
      return Array.isArray(value) ? value[0] : value;
    case 'map_enum': {
      const one = (v: unknown) => method.reverse?.[String(v)]?.value;
      return method.is_array && Array.isArray(value) ? value.map(one).filter((v) => v !== undefined) : one(value);
    }
    default:
      return undefined;
  }
}

/**
 * DevRev fields → the external data a loader receives (`reverse: true` mappings of a two-way record
 * type); `externalIdOf` resolves a DevRev id to the external id the sync mapper links it to.
 */
export function mapReverse(
  idm: InitialDomainMappingLike,
  recordType: string,
  fields: Record<string, unknown>,
  externalIdOf: (devrevId: string) => string | undefined,
): Record<string, unknown> {
  const target = targetMapping(idm, recordType);
  if (!target.reverse) throw new DomainMappingError(`record type ${recordType} is not mapped in reverse (DevRev → external)`);
  const resolve = (v: unknown): unknown => (typeof v === 'string' && v.startsWith('don:') ? externalIdOf(v) ?? v : Array.isArray(v) ? v.map(resolve) : v);
  const out: Record<string, unknown> = {};
  for (const [field, m] of Object.entries(target.fields)) {
    if (!m.reverse || m.primary_external_field === undefined || fields[field] === undefined) continue;
    const value = reverseValue(m, resolve(fields[field]));
    if (value !== undefined) out[m.primary_external_field] = value;
  }
  return out;
}

/** A DevRev object as the platform holds it: its id, dates and DevRev fields (loading input). */
export interface DevRevRecord {
  id: { devrev: string };
  created_date: string;
  modified_date: string;
  fields: Record<string, unknown>;
}

/** DevRev records of external record type `recordType` → the items of its transformer file. */
export function reverseRecords(
  idm: InitialDomainMappingLike,
  recordType: string,
  records: DevRevRecord[],
  externalIdOf: (devrevId: string) => string | undefined,
): Array<{ id: { devrev: string }; created_date: string; modified_date: string; data: Record<string, unknown> }> {
  return records.map((r) => ({
    id: { devrev: r.id.devrev },
    created_date: r.created_date,
    modified_date: r.modified_date,
    data: mapReverse(idm, recordType, r.fields, externalIdOf),
  }));
}
