/** Tickets → `tickets` and `ticket_parts` items: fields, visibility, events, files, links, custom attributes (expected values by hand). */
import { kindOf } from '../../src/kinds';
import { parentOf } from '../../src/extraction/attachment-refresh';

const ctx = {
  appId: 'app1', observedAt: '2026-01-01T00:00:00Z', region: 'us' as const,
  adminNames: { a1: 'Ann Lee' },
  customAttributes: { tickets: [{ name: 'Severity', data_type: 'list', custom: true }, { name: 'Amount', data_type: 'decimal', custom: true }] },
};

const part = (over: Record<string, unknown>) => ({
  type: 'ticket_part', created_at: 1_700_000_100, updated_at: 1_700_000_100, assigned_to: null, attachments: [], redacted: false, ...over,
});

const ticket = (over: Record<string, unknown> = {}) => ({
  type: 'ticket', id: '900', ticket_id: '12', category: 'Customer', is_shared: true, open: true,
  ticket_attributes: { _default_title_: 'Export fails', _default_description_: 'The CSV export stops at 10%', Severity: 'High', Amount: 'lots' },
  ticket_state: { type: 'ticket_state', id: '81', category: 'in_progress', internal_label: 'In progress', external_label: 'Working on it' },
  ticket_type: { type: 'ticket_type', id: '40', name: 'Bug report', category: 'Customer' },
  contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: 'c1' }] },
  admin_assignee_id: 0, team_assignee_id: 7, created_at: 1_700_000_000, updated_at: 1_700_000_300,
  linked_objects: { type: 'list', total_count: 2, has_more: false, data: [{ type: 'conversation', id: '55', category: null }, { type: 'ticket', id: '901', category: 'Customer' }] },
  ticket_parts: { type: 'ticket_part.list', total_count: 3, ticket_parts: [
    part({ id: 'tp1', part_type: 'comment', body: '<p>It broke</p>', author: { type: 'user', id: 'c1', name: 'Cy' },
      attachments: [{ type: 'upload', name: 'log.txt', url: 'https://downloads.intercomcdn.com/log.txt?sig=1', content_type: 'text/plain' }] }),
    part({ id: 'tp2', part_type: 'note', body: '<p>Looking</p>', author: { type: 'admin', id: 'a1', name: 'Ann Lee' } }),
    part({ id: 'tp3', part_type: 'ticket_state_updated_by_admin', body: null, previous_ticket_state: 'submitted', ticket_state: 'in_progress',
      author: { type: 'admin', id: 'a1', name: 'Ann Lee' } }),
  ] },
  ...over,
});

describe('tickets', () => {
  const batch = kindOf('tickets')!.normalize(ticket(), ctx);
  const item = (type: string, id: string) => batch.items.find((i) => i.itemType === type && i.item.id === id)!.item;

  it('becomes a ticket item with its state, type, assignees, contacts, links and custom attributes', () => {
    expect(batch.items.map((i) => `${i.itemType}:${i.item.id}`)).toEqual(['tickets:900', 'ticket_parts:tp1', 'ticket_parts:tp2', 'ticket_parts:tp3']);
    expect(item('tickets', '900').data).toMatchObject({
      title: 'Export fails', description: ['The CSV export stops at 10%'], ticket_number: '12', category: 'Customer',
      ticket_type_id: '40', ticket_type: 'Bug report', state: 'in_progress', state_label: 'In progress', state_external_label: 'Working on it',
      open: true, is_shared: true, admin_assignee_id: null, team_assignee_id: '7', contact_ids: ['c1'],
      linked_conversation_ids: ['55'], linked_ticket_ids: ['901'], parts_total: 3,
      custom_severity: 'High', custom_amount: null, custom_attribute_notes: ['Amount: not a valid decimal ("lots")'],
    });
    expect(batch.skipped).toEqual([]);
  });

  it('makes parts comments: notes and events internal, events with readable text, files under ticket-part ids', () => {
    expect(item('ticket_parts', 'tp1').data).toMatchObject({ ticket_id: '900', visibility: 'external', is_event: false, author_id: 'c1', body: ['It broke'] });
    expect(item('ticket_parts', 'tp2').data).toMatchObject({ visibility: 'internal', author_id: 'a1' });
    expect(item('ticket_parts', 'tp3').data).toMatchObject({
      visibility: 'internal', is_event: true, event_text: 'State changed from Submitted to In progress by Ann Lee',
      previous_state: 'submitted', state: 'in_progress', body: ['State changed from Submitted to In progress by Ann Lee'],
    });
    expect(batch.attachments).toEqual([expect.objectContaining({ id: 'ticket-part-tp1-att-0', parent_id: 'tp1', grand_parent_id: '900', file_name: 'log.txt' })]);
    // An expired URL is refreshed from the ticket, not from a conversation of the same id.
    expect(parentOf(batch.attachments[0])).toEqual({ kind: 'tickets', id: '900' });
  });

  it('keeps every part of a ticket not shared with the customer internal', () => {
    const backOffice = kindOf('tickets')!.normalize(ticket({ category: 'Back-office', is_shared: false }), ctx);
    expect(backOffice.items.filter((i) => i.itemType === 'ticket_parts').map((i) => (i.item.data as { visibility?: unknown }).visibility)).toEqual(['internal', 'internal', 'internal']);
  });

  it('reports a bad part and keeps the ticket', () => {
    const bad = ticket();
    (bad.ticket_parts.ticket_parts as unknown[]).push({ id: 'tp4', part_type: 'comment' });
    const result = kindOf('tickets')!.normalize(bad, ctx);
    expect(result.items.map((i) => i.item.id)).toContain('900');
    expect(result.skipped).toEqual([expect.objectContaining({ itemType: 'ticket_parts', id: 'tp4' })]);
  });

  it('sends in a sync only the parts changed in the window, unless the ticket is new', () => {
    const kind = kindOf('tickets')!;
    const windowed = kind.changesInWindow!(ticket(), batch, { start: 1_700_000_050 + 60, importAll: true });
    expect(windowed.items.map((i) => i.item.id)).toEqual(['900']);
    expect(windowed.attachments).toEqual([]);
    expect(kind.changesInWindow!(ticket(), batch, { start: 1_600_000_000, importAll: true }).items).toHaveLength(4);
  });
});
