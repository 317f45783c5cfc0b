/**
 * The custom attributes of tickets: every non-default attribute of every ticket type
 * (`GET /ticket_types`), once per name. A workspace without tickets (404) has none.
 */
import { IntercomNotFoundError, type IntercomClient } from '../intercom';
import { TicketTypeSchema, validItems } from '../intercom/schemas';
import type { CustomAttributeDefinition } from '../normalize/types';

export async function readTicketAttributeDefinitions(client: IntercomClient): Promise<CustomAttributeDefinition[]> {
  let list: unknown;
  try {
    list = await client.get('/ticket_types');
  } catch (error) {
    if (error instanceof IntercomNotFoundError) return [];
    throw error;
  }
  const byName = new Map<string, CustomAttributeDefinition>();
  for (const ticketType of validItems(list, 'data', TicketTypeSchema)) {
    for (const a of ticketType.ticket_type_attributes?.ticket_type_attributes ?? []) {
      if (a.default === true || byName.has(a.name)) continue;
      byName.set(a.name, { name: a.name, data_type: a.data_type, label: a.name, description: a.description?.slice(0, 200) ?? null, custom: true });
    }
  }
  return [...byName.values()];
}
