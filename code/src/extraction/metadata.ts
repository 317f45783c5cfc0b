/**
 * The external domain metadata (airdrop-protocol.md §12), assembled from the kinds table: each
 * kind's record types, with the workspace's custom attributes of contacts, companies and
 * conversations. Record type keys are the item types; field keys are the `data` keys.
 */
import type { KindSpec } from '../kinds';
import { STRUCT_TYPES } from '../normalize';
import type { NormalizeContext, RecordTypeDefinition, StructTypeDefinition } from '../normalize/types';

export const METADATA_SCHEMA_VERSION = 'v0.2.0';

/** The object pushed to the `external_domain_metadata` repo. */
export interface ExternalDomainMetadataDocument {
  schema_version: typeof METADATA_SCHEMA_VERSION;
  record_types: Record<string, RecordTypeDefinition>;
  struct_types: Record<string, StructTypeDefinition>;
}

export function buildExternalDomainMetadata(
  kinds: readonly KindSpec[],
  customAttributes: NonNullable<NormalizeContext['customAttributes']>,
): ExternalDomainMetadataDocument {
  const record_types: Record<string, RecordTypeDefinition> = {};
  for (const kind of kinds) {
    for (const [itemType, recordType] of Object.entries(kind.recordTypes(customAttributes))) {
      if (recordType) record_types[itemType] = recordType;
    }
  }
  return { schema_version: METADATA_SCHEMA_VERSION, record_types, struct_types: STRUCT_TYPES };
}
