import { articleTranslationStruct } from './articles';
import { collectionTranslationStruct } from './collections';
import type { StructTypeDefinition } from './types';

/**
 * Struct types the record types refer to (`translations` of articles and collections). The record types
 * themselves are gathered from the kinds table (`extraction/metadata.ts` `buildExternalDomainMetadata`).
 */
export const STRUCT_TYPES: Record<string, StructTypeDefinition> = {
  article_translation: articleTranslationStruct,
  collection_translation: collectionTranslationStruct,
};
