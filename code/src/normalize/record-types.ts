import { adminRecordType } from './admins';
import { botRecordType } from './bots';
import { articleRecordType, articleTranslationStruct } from './articles';
import { collectionRecordType, collectionTranslationStruct } from './collections';
import { companyRecordType } from './companies';
import { contactRecordType } from './contacts';
import { conversationPartRecordType } from './conversation-parts';
import { conversationRecordType } from './conversations';
import { tagRecordType } from './tags';
import { teamRecordType } from './teams';
import { ticketPartRecordType } from './ticket-parts';
import { ticketRecordType } from './tickets';
import type { NormalizeContext, RecordTypeDefinition, StructTypeDefinition } from './types';

/**
 * Every record type of the external domain metadata, keyed by item type (contract §1), with the
 * workspace's custom attributes merged into contacts, companies and conversations. The extraction's
 * metadata phase wraps it: `{ schema_version: 'v0.2.0', record_types: recordTypes(..), struct_types: STRUCT_TYPES }`.
 */
export function recordTypes(customAttributes: NormalizeContext['customAttributes'] = {}): Record<string, RecordTypeDefinition> {
  return {
    admins: adminRecordType,
    bots: botRecordType,
    teams: teamRecordType,
    tags: tagRecordType,
    companies: companyRecordType(customAttributes.companies),
    contacts: contactRecordType(customAttributes.contacts),
    conversations: conversationRecordType(customAttributes.conversations),
    conversation_parts: conversationPartRecordType,
    collections: collectionRecordType,
    articles: articleRecordType,
    tickets: ticketRecordType(customAttributes.tickets),
    ticket_parts: ticketPartRecordType,
  };
}

/** Struct types the record types refer to (`translations` of articles and collections). */
export const STRUCT_TYPES: Record<string, StructTypeDefinition> = {
  article_translation: articleTranslationStruct,
  collection_translation: collectionTranslationStruct,
};

/** The complete external domain metadata document. */
export function externalDomainMetadata(customAttributes: NormalizeContext['customAttributes'] = {}) {
  return { schema_version: 'v0.2.0' as const, record_types: recordTypes(customAttributes), struct_types: STRUCT_TYPES };
}
