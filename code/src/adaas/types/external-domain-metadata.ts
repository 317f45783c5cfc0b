/**
 * External domain metadata (schema v0.2.0): the record types of the external system, pushed once in the
 * metadata phase as item type `external_domain_metadata`. Validate against
 * shared/schemas/external_domain_metadata_schema.json.
 */
export interface ExternalDomainMetadata {
  schema_version?: 'v0.2.0';
  record_types: Record<string, RecordType>;
  record_type_categories?: Record<string, RecordTypeCategory>;
  struct_types?: Record<string, StructType>;
}

/** Field types accepted by the schema. */
export type FieldType =
  | 'bool'
  | 'int'
  | 'float'
  | 'text'
  | 'rich_text'
  | 'reference'
  | 'typed_reference'
  | 'enum'
  | 'date'
  | 'timestamp'
  | 'struct'
  | 'permission'
  | 'type_key'
  | 'record_type_privilege'
  | 'field_privilege'
  | 'conditional_privilege'
  | 'participation';

/** A group of record types. */
export interface RecordTypeCategory {
  name?: string;
  are_record_type_conversions_possible?: boolean;
}

/** A named group of fields referenced by `struct.key`. */
export interface StructType {
  name?: string;
  fields: Record<string, Field>;
}

/** Whether attachments of a record type can be extracted/loaded. */
export interface Attachments {
  is_extractable?: boolean;
  is_loadable?: boolean;
}

/** One record type (item type) of the external system. */
export interface RecordType {
  name?: string;
  description?: string;
  category?: string;
  fields: Record<string, Field>;
  is_loadable?: boolean;
  is_snapshot?: boolean;
  scope?: { stock_field_overrides?: Record<string, unknown> } | Record<string, unknown>;
  no_identifier?: boolean;
  attachments?: Attachments;
  conditions?: Record<string, unknown>;
  stage_diagram?: StageDiagram;
  link_naming_data?: CustomLinkData;
}

/** Length bounds of a collection field. */
export interface CollectionData {
  min_length?: number;
  max_length?: number;
}

/** Length bounds of a text field. */
export interface TextData {
  min_length?: number;
  max_length?: number;
}

/** Bounds of an int field. */
export interface IntData {
  min?: number;
  max?: number;
}

/** Bounds of a float field. */
export interface FloatData {
  min?: number;
  max?: number;
}

/** One value of an enum field. */
export interface EnumValue {
  key: string;
  name?: string;
  description?: string;
  is_deprecated?: boolean;
}

/** Values of an enum field. */
export interface EnumData {
  values: EnumValue[];
}

/** Target of a reference: `#record:<type>` or `#category:<category>`. */
export interface ReferenceDetail {
  by_field?: string;
}

/** Reference data of a `reference` / `typed_reference` field. */
export interface ReferenceData {
  refers_to: Record<string, ReferenceDetail>;
  reference_type?: 'child' | 'parent';
}

/** Struct data of a `struct` field. */
export interface StructData {
  key?: string;
}

/** One field of a record type. */
export interface Field {
  type: FieldType;
  name?: string;
  description?: string;
  is_required?: boolean;
  is_identifier?: boolean | null;
  is_indexed?: boolean | null;
  is_read_only?: boolean | null;
  is_write_only?: boolean | null;
  default_value?: unknown;
  collection?: CollectionData;
  text?: TextData;
  int?: IntData;
  float?: FloatData;
  enum?: EnumData;
  reference?: ReferenceData;
  typed_reference?: ReferenceData;
  struct?: StructData;
}

/** A state of a stage diagram. */
export interface CustomState {
  name: string;
  is_end_state?: boolean;
  ordinal?: number;
}

/** A stage of a stage diagram. */
export interface CustomStage {
  transitions_to: string[];
  state: string;
}

/** Status workflow of a record type. */
export interface StageDiagram {
  controlling_field: string;
  stages: Record<string, CustomStage>;
  starting_stage?: string;
  all_transitions_allowed?: boolean;
  states?: Record<string, CustomState>;
}

/** Names of a custom link type's directions. */
export interface CustomLinkNames {
  forward_name: string;
  backward_name: string;
}

/** Naming data of custom link record types. */
export interface CustomLinkData {
  link_type_field: string;
  link_direction_names: Record<string, CustomLinkNames>;
}
