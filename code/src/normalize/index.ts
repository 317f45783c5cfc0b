/**
 * Pure functions from Intercom objects to normalized items, rich text and attachment references,
 * plus the record types of the external domain metadata. No I/O. See README.md for the rules.
 */
export * from './types';
export * from './values';
export * from './links';
export * from './attachment-ids';
export * from './rich-text';
export * from './custom-attributes';
export * from './admins';
export * from './bots';
export * from './teams';
export * from './tags';
export * from './companies';
export * from './contacts';
export * from './conversations';
export * from './conversation-parts';
export * from './event-text';
export * from './collections';
export * from './articles';
export * from './tickets';
export * from './ticket-parts';
export * from './help-centers';
export * from './struct-types';
export * from './batch';
