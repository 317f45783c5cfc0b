import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { errors } from '../http/errors';
import { ticketFields } from '../search/ticketFields';
import { searchWorkspace } from '../search/runSearch';
import { bodyObject, found, param } from './shared';

/** Ticket types, ticket states, `GET`/`DELETE /tickets/{id}` and `POST /tickets/search` (both with parts, as in 2.16's `ticket` schema and search example). */
export function registerTicketRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const ws = () => ctx.workspace;

  app.get('/ticket_types', async () => ({ type: 'list', data: ws().ticketTypes() }));
  app.get('/ticket_types/:id', async (req) =>
    found(ws().ticketTypes().find((t) => t.id === param(req, 'id')), 'not_found', 'Ticket type not found'));
  app.get('/ticket_states', async () => ({ type: 'list', data: ws().ticketStates() }));

  app.get('/tickets/:id', async (req) => found(ws().ticket(param(req, 'id'), { withParts: true }), 'ticket_not_found', 'Ticket not found'));

  // 2.16 `deleteTicket`: gone for good (no listing names deleted tickets); the answer is `ticket_deleted`.
  app.delete('/tickets/:id', async (req) => {
    const id = param(req, 'id');
    found(ws().ticket(id, { withParts: false }), 'ticket_not_found', 'Ticket not found');
    ws().mutate.deleteTicket(id);
    return { id, object: 'ticket', deleted: true };
  });

  // Sorted by updated_at ascending, like conversations: a ticket updated while paging comes again at the end.
  app.post('/tickets/search', async (req) => {
    const body = bodyObject(req);
    if (body.sort !== undefined) throw errors.parameterInvalid('Ticket search does not accept sort', 'sort');
    const result = searchWorkspace(ws(), {
      kind: 'tickets',
      body,
      catalog: ticketFields,
      records: function* () {
        for (const id of ws().ticketIds()) {
          const ticket = ws().ticket(id, { withParts: false });
          if (ticket) yield ticket;
        }
      },
      perPageDefault: 20,
    });
    return {
      type: 'ticket.list',
      tickets: result.items.map((h) => ws().ticket(h.id, { withParts: true })).filter((t) => t !== undefined),
      total_count: result.total,
      pages: result.pages,
    };
  });
}
