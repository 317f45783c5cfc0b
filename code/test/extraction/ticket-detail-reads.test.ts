/**
 * Tickets are read whole (`GET /tickets/{id}`) only when their search result lacks parts: 2.16's
 * `POST /tickets/search` returns each ticket with its `ticket_parts` (the `ticket` schema and the
 * spec's example), so a complete listing costs no detail read, and a listing whose parts are missing
 * or cut (`total_count` above those returned) still gets every part through the detail read.
 */
import { idsOf, sorted } from './pipeline-helpers';
import { usePipelineBehindProxy } from './proxied-pipeline';
import { smallWorkspace } from './small-workspace';

const SIZE = smallWorkspace({ tickets: 6 });
const IMPORT_ALL = { import_all_conversations: 'true' };

jest.setTimeout(300_000);

describe('ticket detail reads', () => {
  const startBehindProxy = usePipelineBehindProxy();

  it('a search result with every part is not read again, and every ticket part arrives', async () => {
    const { p } = await startBehindProxy({ seed: 31, size: SIZE, edgeCases: false }, { timeoutMs: 20_000 }, []);
    const result = await p.run('import', IMPORT_ALL);
    expect({ status: result.status, error: result.error }).toEqual({ status: 'done', error: undefined });
    const truth = p.intercom.workspace.truth.tickets();
    expect(truth.length).toBe(6);
    expect(idsOf(p.items('tickets'))).toEqual(sorted(truth.map((t) => t.id)));
    expect(idsOf(p.items('ticket_parts'))).toEqual(sorted(truth.flatMap((t) => t.partIds)));
    expect(p.intercom.requestLog().filter((r) => r.route === 'GET /tickets/:id')).toEqual([]);
  });

  it('a ticket whose search result lacks parts or has them cut is read whole; the others are not', async () => {
    let cut: string | undefined;
    let bare: string | undefined;
    const { p, proxy } = await startBehindProxy({ seed: 32, size: SIZE, edgeCases: false }, { timeoutMs: 20_000 }, [
      {
        match: (m, path) => m === 'POST' && path === '/tickets/search',
        answer: async (_req, res, forward) => {
          const got = await forward();
          const body = JSON.parse(got.body.toString('utf8')) as { tickets: Array<{ id: string; ticket_parts?: { ticket_parts: unknown[]; total_count: number } }> };
          for (const ticket of body.tickets) {
            if (ticket.id === cut) ticket.ticket_parts?.ticket_parts.pop(); // total_count stays: one part more than returned
            if (ticket.id === bare) delete ticket.ticket_parts;
          }
          res.writeHead(got.status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(body));
        },
      },
    ]);
    const truth = p.intercom.workspace.truth.tickets();
    cut = truth.find((t) => t.partIds.length >= 2)?.id;
    bare = truth.find((t) => t.id !== cut && t.partIds.length >= 1)?.id;
    expect([cut, bare].every((id) => id !== undefined)).toBe(true);

    const result = await p.run('import', { ...IMPORT_ALL, intercom_api_base_url: proxy.baseUrl });
    expect({ status: result.status, error: result.error }).toEqual({ status: 'done', error: undefined });
    expect(proxy.claimed[0]).toBeGreaterThan(0);
    expect(idsOf(p.items('ticket_parts'))).toEqual(sorted(truth.flatMap((t) => t.partIds)));
    const detailReads = p.intercom.requestLog().filter((r) => r.route === 'GET /tickets/:id').map((r) => r.url.split('?')[0]);
    expect(sorted(detailReads)).toEqual(sorted([`/tickets/${cut}`, `/tickets/${bare}`]));
  });
});
