import { createHash } from 'node:crypto';
import type { CustomAttributeDefinition, MetadataField } from './types';
import { toRfc3339 } from './values';

/**
 * Custom attributes of contacts, companies and conversations.
 *
 * Key rule: an attribute named `name` lives under `custom_<snake(name)>`, where snake() folds accents
 * (NFKD), lowercases, turns every run of characters outside `[a-z0-9]` into `_` and trims `_`
 * ("Plan Type" → `custom_plan_type`, "Größe" → `custom_grosse`). A name with nothing left ("日本") gets
 * `attr_<8 hex of sha256(name)>`. When several names fold to the same key, the one already in snake form
 * keeps the plain key and every other gets `_<8 hex of sha256(name)>` appended — stable across runs
 * whatever the order Intercom lists them in. The `custom_` prefix keeps them clear of our own fields.
 *
 * Values follow the definition's `data_type`: string → text, integer → int, float/decimal → float,
 * boolean → bool, date/datetime (unix seconds) → RFC3339 timestamp, list (a conversation attribute's
 * option label) → text, anything else (relationship, files) → text holding the JSON value. A value that
 * does not fit its type becomes null and is named in `custom_attribute_notes`, as is a value whose
 * attribute has no definition.
 */

/** Data key of the notes field that lists custom attribute values we could not map. */
export const CUSTOM_ATTRIBUTE_NOTES_KEY = 'custom_attribute_notes';

type FieldType = 'text' | 'int' | 'float' | 'bool' | 'timestamp';

function fieldTypeOf(dataType: string): FieldType {
  switch (dataType) {
    case 'integer':
      return 'int';
    case 'float':
    case 'decimal':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'date':
    case 'datetime':
      return 'timestamp';
    default:
      return 'text';
  }
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** The snake form of an attribute name (see the key rule above); '' when nothing is left. */
export function snakeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Attribute name → data key for a set of definitions, collisions resolved (see the key rule above). */
export function customAttributeKeys(definitions: CustomAttributeDefinition[]): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const def of usable(definitions)) {
    const snake = snakeName(def.name);
    const base = `custom_${snake || `attr_${shortHash(def.name)}`}`;
    const names = byBase.get(base) ?? [];
    if (!names.includes(def.name)) names.push(def.name);
    byBase.set(base, names);
  }
  const keys = new Map<string, string>();
  for (const [base, names] of byBase) {
    if (names.length === 1) {
      keys.set(names[0]!, base);
      continue;
    }
    for (const name of names) {
      const canonical = `custom_${name}` === base;
      keys.set(name, canonical ? base : `${base}_${shortHash(name)}`);
    }
  }
  return keys;
}

function usable(definitions: CustomAttributeDefinition[]): CustomAttributeDefinition[] {
  return definitions.filter((d) => d.custom !== false && typeof d.name === 'string' && d.name !== '');
}

/** Metadata fields for the custom attributes (plus the notes field), to merge into a record type's fields. */
export function customAttributeFields(definitions: CustomAttributeDefinition[]): Record<string, MetadataField> {
  const keys = customAttributeKeys(definitions);
  const fields: Record<string, MetadataField> = {};
  for (const def of usable(definitions)) {
    const key = keys.get(def.name)!;
    const field: MetadataField = { type: fieldTypeOf(def.data_type), name: def.label || def.name };
    field.description = def.description
      ? `${def.description} (Intercom custom attribute "${def.name}")`
      : `Intercom custom attribute "${def.name}" (${def.data_type})`;
    fields[key] = field;
  }
  fields[CUSTOM_ATTRIBUTE_NOTES_KEY] = {
    type: 'text',
    name: 'Custom attribute notes',
    description: 'Custom attribute values that could not be mapped: no definition, or a value that does not fit its type',
    collection: {},
  };
  return fields;
}

/** The `custom_*` data of one object: every declared key (null when absent) plus the notes. */
export function normalizeCustomAttributes(
  values: Record<string, unknown> | null | undefined,
  definitions: CustomAttributeDefinition[],
): Record<string, unknown> {
  const keys = customAttributeKeys(definitions);
  const out: Record<string, unknown> = {};
  const notes: string[] = [];
  const defs = new Map(usable(definitions).map((d) => [d.name, d]));
  for (const key of keys.values()) out[key] = null;
  for (const [name, raw] of Object.entries(values ?? {})) {
    const def = defs.get(name);
    if (!def) {
      if (raw !== null && raw !== undefined && raw !== '') notes.push(`${name}: no attribute definition`);
      continue;
    }
    const converted = convert(raw, def.data_type);
    if (converted.ok) out[keys.get(name)!] = converted.value;
    else notes.push(`${name}: ${converted.reason}`);
  }
  out[CUSTOM_ATTRIBUTE_NOTES_KEY] = notes;
  return out;
}

type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

function convert(raw: unknown, dataType: string): Converted {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  const bad = (): Converted => ({ ok: false, reason: `not a valid ${dataType} (${preview(raw)})` });
  switch (fieldTypeOf(dataType)) {
    case 'int': {
      const n = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
      return typeof n === 'number' && Number.isInteger(n) ? { ok: true, value: n } : bad();
    }
    case 'float': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      return typeof n === 'number' && Number.isFinite(n) ? { ok: true, value: n } : bad();
    }
    case 'bool':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
      return bad();
    case 'timestamp': {
      if (typeof raw === 'number' || (typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw))) {
        const value = toRfc3339(Number(raw));
        return value ? { ok: true, value } : bad();
      }
      if (typeof raw === 'string' && !Number.isNaN(Date.parse(raw))) {
        return { ok: true, value: new Date(raw).toISOString().replace(/\.000Z$/, 'Z') };
      }
      return bad();
    }
    default:
      if (typeof raw === 'string') return { ok: true, value: raw };
      if (typeof raw === 'number' || typeof raw === 'boolean') return { ok: true, value: String(raw) };
      return { ok: true, value: JSON.stringify(raw) };
  }
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
