import type { JsonObject } from '../workspace/types';
import { valuesAt } from './fields';
import type { FieldCatalog, FieldType, SearchField } from './query';

/** The search terms Intercom uses for ticket categories (spec of `POST /tickets/search`). */
const CATEGORY_TERMS: Record<string, string> = { Customer: 'request', 'Back-office': 'task', Tracker: 'tracker' };

const field = (type: FieldType, values: (t: JsonObject) => unknown[]): SearchField<JsonObject> => ({ type, values });
const at = (...path: string[]) => (t: JsonObject) => valuesAt(t, path);

const FIELDS: Record<string, SearchField<JsonObject>> = {
  id: field('string', at('id')),
  created_at: field('date', at('created_at')),
  updated_at: field('date', at('updated_at')),
  title: field('string', at('ticket_attributes', '_default_title_')),
  description: field('string', at('ticket_attributes', '_default_description_')),
  category: field('string', (t) => [CATEGORY_TERMS[String(t.category)]]),
  ticket_type_id: field('string', at('ticket_type', 'id')),
  contact_ids: field('string', at('contacts', 'contacts', 'id')),
  admin_assignee_id: field('string', (t) => [String(t.admin_assignee_id)]),
  team_assignee_id: field('string', (t) => [String(t.team_assignee_id)]),
  open: field('boolean', at('open')),
  state: field('string', at('ticket_state', 'category')),
  snoozed_until: field('date', at('snoozed_until')),
};

/** Searchable ticket fields (the "Accepted Fields" table of `POST /tickets/search`), `ticket_attribute.{id}` included. */
export const ticketFields: FieldCatalog<JsonObject> = (name) => {
  if (FIELDS[name]) return FIELDS[name];
  const attributeId = /^ticket_attribute\.(.+)$/.exec(name)?.[1];
  if (attributeId === undefined) return undefined;
  return field('string', (t) => {
    const attributes = ((t.ticket_type as JsonObject).ticket_type_attributes as JsonObject).ticket_type_attributes as JsonObject[];
    const attribute = attributes.find((a) => a.id === attributeId);
    return attribute ? [(t.ticket_attributes as JsonObject)[String(attribute.name)]] : [undefined];
  });
};
