import type { MetadataField } from './types';

/** Short constructors for metadata fields, so record types read like a table. */

type Extra = Partial<Pick<MetadataField, 'description' | 'is_required' | 'is_identifier' | 'collection'>>;

export const text = (name: string, extra: Extra = {}): MetadataField => ({ type: 'text', name, ...extra });
export const richText = (name: string, extra: Extra = {}): MetadataField => ({ type: 'rich_text', name, ...extra });
export const int = (name: string, extra: Extra = {}): MetadataField => ({ type: 'int', name, ...extra });
export const float = (name: string, extra: Extra = {}): MetadataField => ({ type: 'float', name, ...extra });
export const bool = (name: string, extra: Extra = {}): MetadataField => ({ type: 'bool', name, ...extra });
export const timestamp = (name: string, extra: Extra = {}): MetadataField => ({ type: 'timestamp', name, ...extra });

/** An enum over the given keys (key = the value in the data; name = label). */
export function enumOf(name: string, values: Array<string | [string, string]>, extra: Extra = {}): MetadataField {
  return {
    type: 'enum',
    name,
    enum: { values: values.map((v) => (Array.isArray(v) ? { key: v[0], name: v[1] } : { key: v, name: v })) },
    ...extra,
  };
}

/** A reference to one or more record types (item types). */
export function ref(
  name: string,
  recordTypes: string[],
  extra: Extra & { reference_type?: 'child' | 'parent' } = {},
): MetadataField {
  const { reference_type, ...rest } = extra;
  const refers_to = Object.fromEntries(recordTypes.map((t) => [`#record:${t}`, {}]));
  return { type: 'reference', name, reference: reference_type ? { refers_to, reference_type } : { refers_to }, ...rest };
}

/** Marks a field as a collection (array of its type). */
export const many = (field: MetadataField): MetadataField => ({ ...field, collection: field.collection ?? {} });

/** The link back to the object in Intercom. */
export const itemUrl = (): MetadataField => text('Link to item in Intercom');
