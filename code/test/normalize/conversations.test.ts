import { ConversationSchema } from '../../src/intercom/schemas';
import { eventText, normalizeConversation, PART_CAP } from '../../src/normalize';
import { ConversationPartSchema } from '../../src/intercom/schemas';
import { baseContext, fixture } from './fixtures';

const ctx = baseContext();
const parse = (raw: unknown) => ConversationSchema.parse(raw);

describe('normalizeConversation', () => {
  it('reports a conversation with more parts than Intercom returns, and keeps all it returned', () => {
    const raw = fixture('conversations/conversation-over-500-parts.json');
    const result = normalizeConversation(parse(raw), ctx);
    expect(raw.conversation_parts.conversation_parts).toHaveLength(PART_CAP);
    expect(result.truncation).toEqual({ conversation_id: '3141700', returned: 500, total: 731 });
    expect(result.parts).toHaveLength(501);
    expect(result.parts[0]!.id).toBe('3141700-source');
    expect(result.parts.slice(1).map((p) => p.id)).toEqual(raw.conversation_parts.conversation_parts.map((p: { id: string }) => p.id));
    expect(result.conversation.data).toMatchObject({ parts_returned: 500, parts_total: 731, parts_truncated: true });
    expect(new Set(result.parts.map((p) => p.id)).size).toBe(501);
  });

  it('does not report truncation when every part came back', () => {
    const result = normalizeConversation(parse(fixture('conversations/conversation-full.json')), ctx);
    expect(result.truncation).toBeUndefined();
    expect(result.conversation.data.parts_truncated).toBe(false);
  });

  it('trusts total_count over a statistics count that also counts the opening message', () => {
    const raw = fixture('conversations/conversation-full.json');
    const returned = raw.conversation_parts.conversation_parts.length;
    raw.conversation_parts.total_count = returned;
    raw.statistics.count_conversation_parts = returned + 1;
    expect(normalizeConversation(parse(raw), ctx).truncation).toBeUndefined();
  });

  it('falls back to the statistics count when total_count is missing', () => {
    const raw = fixture('conversations/conversation-full.json');
    delete raw.conversation_parts.total_count;
    raw.statistics.count_conversation_parts = 40;
    expect(normalizeConversation(parse(raw), ctx).truncation).toEqual({ conversation_id: '3141592', returned: 12, total: 40 });
  });

  it('skips a bad part with its id and the field, and keeps the others', () => {
    const raw = fixture('conversations/conversation-full.json');
    raw.conversation_parts.conversation_parts[2].author = { id: 5 }; // author.type missing
    const result = normalizeConversation(parse(raw), ctx);
    expect(result.skipped.map((s) => s.id)).toEqual(['17003', '17010']);
    expect(result.skipped[0]!.reason).toContain('author.type');
    expect(result.parts.map((p) => p.id)).not.toContain('17003');
    expect(result.parts).toHaveLength(1 + 12 - 2);
  });

  it('treats 0 and null assignees as unassigned and keeps ids as strings', () => {
    const raw = fixture('conversations/conversation-full.json');
    raw.admin_assignee_id = 0;
    raw.team_assignee_id = 5017691;
    const data = normalizeConversation(parse(raw), ctx).conversation.data;
    expect(data.admin_assignee_id).toBeNull();
    expect(data.team_assignee_id).toBe('5017691');
  });

  it('derives the state from `open` when a payload lacks it', () => {
    const raw = fixture('conversations/conversation-full.json');
    delete raw.state;
    expect(normalizeConversation(parse(raw), ctx).conversation.data.state).toBe('closed');
    raw.open = true;
    expect(normalizeConversation(parse(raw), ctx).conversation.data.state).toBe('open');
  });

  it('gives every attachment a file-safe id whose parent is a part it emitted', () => {
    const result = normalizeConversation(parse(fixture('conversations/conversation-full.json')), ctx);
    const partIds = new Set(result.parts.map((p) => p.id));
    expect(result.attachments.length).toBeGreaterThan(0);
    for (const a of result.attachments) {
      expect(a.id).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(partIds.has(a.parent_id)).toBe(true);
    }
  });
});

describe('event text', () => {
  const part = (over: Record<string, unknown>) =>
    ConversationPartSchema.parse({ id: '1', part_type: 'assignment', created_at: 1, author: { type: 'admin', id: '7', name: 'Bob' }, ...over });
  const names = { adminNames: { '8': 'Ann' }, teamNames: { '5': 'Tier 1' } };

  it.each([
    [{ assigned_to: { type: 'admin', id: '8' } }, 'Assigned to Ann by Bob'],
    [{ assigned_to: { type: 'admin', id: '9' } }, 'Assigned to admin 9 by Bob'],
    [{ assigned_to: { type: 'team', id: '5' } }, 'Assigned to Tier 1 by Bob'],
    [{ assigned_to: { type: 'nobody_admin', id: null } }, 'Unassigned by Bob'],
    [{ assigned_to: { type: 'admin', id: '0' } }, 'Unassigned by Bob'],
    [{ part_type: 'assign_and_reopen', assigned_to: { type: 'admin', id: '8' } }, 'Reopened and assigned to Ann by Bob'],
    [{ part_type: 'away_mode_assignment', assigned_to: { type: 'team', id: '5' } }, 'Assigned to Tier 1 by Bob (away mode)'],
    [{ part_type: 'open' }, 'Reopened by Bob'],
    [{ part_type: 'close', author: { type: 'bot', id: '278', name: 'Fin' } }, 'Closed by Fin'],
    [{ part_type: 'snoozed', author: { type: 'admin', id: '8', name: null } }, 'Snoozed by Ann'],
    [{ part_type: 'timer_unsnooze', author: null }, 'Unsnoozed (snooze timer ended)'],
    [{ part_type: 'custom_action_finished', event_details: { action: { name: 'Jira Create Issue', result: 'failed' } } }, 'Custom action "Jira Create Issue" finished: failed'],
    [
      { part_type: 'conversation_attribute_updated_by_user', event_details: { attribute: { name: 'Priority' }, value: { name: 'High', previous: 'Medium' } } },
      'Bob set Priority to "High" (was "Medium")',
    ],
    [{ part_type: 'language_detection_details', author: { type: 'team', id: '5' } }, 'Language detection details by Tier 1'],
  ])('%j → %s', (over, text) => {
    expect(eventText(part(over), names)).toBe(text);
  });
});

describe('hostile names, values and content types', () => {
  /** conversation-full.json with its parts replaced by `parts`. */
  const withParts = (parts: unknown[]) => {
    const raw = fixture('conversations/conversation-full.json');
    raw.conversation_parts = { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length };
    return normalizeConversation(parse(raw), ctx);
  };
  const author = { type: 'admin', id: '7', name: '<img src=x onerror=alert(1)> **Bob** [me](javascript:alert(2))' };

  it('an event part reads names and attribute values literally in its rich text body; event_text stays plain', () => {
    const result = withParts([
      { type: 'conversation_part', id: '91', part_type: 'close', body: null, created_at: 1734537800, author },
      {
        type: 'conversation_part', id: '92', part_type: 'conversation_attribute_updated_by_admin', body: null, created_at: 1734537801, author,
        event_details: { attribute: { name: 'Tier_1 <script>' }, value: { name: '<a href="javascript:x">gold</a>', previous: null } },
      },
    ]);
    const [close, update] = ['91', '92'].map((id) => result.parts.find((p) => p.id === id)!.data as Record<string, unknown>);
    expect(close.event_text).toBe('Closed by <img src=x onerror=alert(1)> **Bob** [me](javascript:alert(2))');
    // Written by hand: every ASCII punctuation character backslash-escaped (CommonMark renders it literally).
    expect(close.body).toEqual(['Closed by \\<img src\\=x onerror\\=alert\\(1\\)\\> \\*\\*Bob\\*\\* \\[me\\]\\(javascript\\:alert\\(2\\)\\)']);
    expect(update.body).toEqual([
      '\\<img src\\=x onerror\\=alert\\(1\\)\\> \\*\\*Bob\\*\\* \\[me\\]\\(javascript\\:alert\\(2\\)\\) set Tier\\_1 \\<script\\> to \\"\\<a href\\=\\"javascript\\:x\\"\\>gold\\<\\/a\\>\\"',
    ]);
  });

  it('keeps only a well-formed MIME type from Intercom; header syntax in content_type never reaches the upload', () => {
    const file = (name: string, contentType: string) => ({ type: 'upload', name, url: `https://downloads.intercomcdn.com/i/o/1/${name}`, content_type: contentType });
    const result = withParts([{
      type: 'conversation_part', id: '93', part_type: 'comment', body: '<p>files</p>', created_at: 1734537802, author: { type: 'user', id: 'u1' },
      attachments: [
        file('a.png', 'image/png\r\nContent-Disposition: form-data; name="injected"'),
        file('b.pdf', 'application/pdf; charset="x"'),
        file('c.bin', 'text/html"; x=<script>'),
        file('d.txt', 'Text/Plain'),
      ],
    }]);
    const types = Object.fromEntries(result.attachments.filter((a) => a.parent_id === '93').map((a) => [a.file_name, a.content_type]));
    expect(types).toEqual({ 'a.png': 'image/png', 'b.pdf': 'application/pdf', 'c.bin': undefined, 'd.txt': 'text/plain' });
  });
});
