import type { JsonObject } from '../workspace/types';
import type { FieldCatalog, FieldType, SearchField } from './query';

/** Reads a dotted path; arrays along the way fan out into several values. */
export function valuesAt(record: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(record) ? record : [record];
  if (Array.isArray(record)) return record.flatMap((r) => valuesAt(r, path));
  if (record === null || typeof record !== 'object') return [undefined];
  return valuesAt((record as JsonObject)[path[0]], path.slice(1));
}

const byPath = (type: FieldType, path: string): SearchField<JsonObject> => ({ type, values: (r) => valuesAt(r, path.split('.')) });

/** A catalog from a table of plain (dotted-path) fields plus special ones. */
function catalog(plain: Record<string, FieldType>, special: Record<string, SearchField<JsonObject>>): FieldCatalog<JsonObject> {
  return (name) => {
    if (special[name]) return special[name];
    if (plain[name]) return byPath(plain[name], name);
    if (name.startsWith('custom_attributes.') && name.length > 'custom_attributes.'.length) {
      // Custom attributes are typed by the data attributes; the search sees their values as they are.
      return { type: 'string', values: (r) => valuesAt(r, ['custom_attributes', name.slice('custom_attributes.'.length)]) };
    }
    return undefined;
  };
}

const DATE = 'date' as const;
const STRING = 'string' as const;
const INTEGER = 'integer' as const;
const BOOLEAN = 'boolean' as const;

/** Searchable contact fields (the "Accepted Fields" table of `POST /contacts/search`). */
export function contactFields(fullTagIds: (contact: JsonObject) => string[]): FieldCatalog<JsonObject> {
  return catalog(
    {
      id: STRING, role: STRING, name: STRING, owner_id: STRING, email: STRING, email_domain: STRING, phone: STRING,
      formatted_phone: STRING, external_id: STRING, language_override: STRING, browser: STRING, browser_language: STRING,
      os: STRING, 'location.country': STRING, 'location.region': STRING, 'location.city': STRING,
      created_at: DATE, signed_up_at: DATE, updated_at: DATE, last_seen_at: DATE, last_contacted_at: DATE,
      last_replied_at: DATE, last_email_opened_at: DATE, last_email_clicked_at: DATE, ios_last_seen_at: DATE, android_last_seen_at: DATE,
      unsubscribed_from_emails: BOOLEAN, marked_email_as_spam: BOOLEAN, has_hard_bounced: BOOLEAN,
    },
    {
      avatar: { type: STRING, values: (r) => valuesAt(r, ['avatar', 'image_url']) },
      tag_id: { type: STRING, values: (r) => fullTagIds(r) },
      segment_id: { type: STRING, values: () => [] },
    },
  );
}

/** Searchable conversation fields (the "Accepted Fields" table of `POST /conversations/search`). */
export const conversationFields: FieldCatalog<JsonObject> = catalog(
  {
    id: STRING, created_at: DATE, updated_at: DATE, 'source.type': STRING, 'source.id': STRING, 'source.delivered_as': STRING,
    'source.subject': STRING, 'source.author.id': STRING, 'source.author.type': STRING, 'source.author.name': STRING,
    'source.author.email': STRING, 'source.url': STRING, admin_assignee_id: INTEGER, team_assignee_id: INTEGER,
    channel_initiated: STRING, open: BOOLEAN, read: BOOLEAN, state: STRING, waiting_since: DATE, snoozed_until: DATE, priority: STRING,
    'statistics.time_to_assignment': INTEGER, 'statistics.time_to_admin_reply': INTEGER, 'statistics.time_to_first_close': INTEGER,
    'statistics.time_to_last_close': INTEGER, 'statistics.median_time_to_reply': INTEGER,
    'statistics.first_contact_reply_at': DATE, 'statistics.first_assignment_at': DATE, 'statistics.first_admin_reply_at': DATE,
    'statistics.first_close_at': DATE, 'statistics.last_assignment_at': DATE, 'statistics.last_assignment_admin_reply_at': DATE,
    'statistics.last_contact_reply_at': DATE, 'statistics.last_admin_reply_at': DATE, 'statistics.last_close_at': DATE,
    'statistics.last_closed_by_id': STRING, 'statistics.count_reopens': INTEGER, 'statistics.count_assignments': INTEGER,
    'statistics.count_conversation_parts': INTEGER, 'conversation_rating.requested_at': DATE, 'conversation_rating.replied_at': DATE,
    'conversation_rating.score': INTEGER, 'conversation_rating.remark': STRING, 'ai_agent_participated': BOOLEAN,
    'ai_agent.resolution_state': STRING, 'ai_agent.last_answer_type': STRING, 'ai_agent.rating': INTEGER,
    'ai_agent.rating_remark': STRING, 'ai_agent.source_type': STRING, 'ai_agent.source_title': STRING,
  },
  {
    // `source.body` matches single words of the body (see the spec's note on source.body).
    'source.body': { type: STRING, values: (r) => String(valuesAt(r, ['source', 'body'])[0] ?? '').replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean) },
    contact_ids: { type: STRING, values: (r) => valuesAt(r, ['contacts', 'contacts', 'id']) },
    teammate_ids: { type: STRING, values: (r) => valuesAt(r, ['teammates', 'teammates', 'id']) },
    tag_ids: { type: STRING, values: (r) => valuesAt(r, ['tags', 'tags', 'id']) },
    'conversation_rating.contact_id': { type: STRING, values: (r) => valuesAt(r, ['conversation_rating', 'contact', 'id']) },
    'conversation_rating.admin_id': { type: STRING, values: (r) => valuesAt(r, ['conversation_rating', 'teammate', 'id']) },
  },
);

/** Conversation fields the index (`conversationIndex()`) answers without building the conversation. */
export const CONVERSATION_INDEX_FIELDS = new Set(['id', 'created_at', 'updated_at', 'state']);
