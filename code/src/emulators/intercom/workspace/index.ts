/**
 * Generated Intercom workspace (placeholder while the generator is being built: a tiny valid
 * workspace so the server can be developed against the seam in ./types.ts).
 */
import type { CreateWorkspaceOptions, JsonObject, Workspace } from './types';

export * from './types';

const DEFAULT_START = 1767225600; // 2026-01-01T00:00:00Z

/** Creates a workspace. Same options, same workspace. */
export function createWorkspace(o: CreateWorkspaceOptions): Workspace {
  let clock = o.startTime ?? DEFAULT_START;
  const app = { id_code: 'emu' + String(o.seed ?? 1).padStart(5, '0'), name: 'Emulated workspace', region: 'US' as const, timezone: 'Europe/Berlin', created_at: clock - 86400 * 700 };
  const admin: JsonObject = { type: 'admin', id: '9910001', name: 'Ada Admin', email: 'ada@example.com', job_title: null, away_mode_enabled: false, away_mode_reassign: false, away_status_reason_id: null, has_inbox_seat: true, team_ids: [], avatar: null };
  const tag: JsonObject = { type: 'tag', id: '501', name: 'vip' };
  const convo = (withParts: boolean): JsonObject => ({
    type: 'conversation', id: '1001', title: null, created_at: clock - 7200, updated_at: clock - 3600, waiting_since: null, snoozed_until: null,
    open: false, state: 'closed', read: true, priority: 'none', admin_assignee_id: 0, team_assignee_id: 0,
    tags: { type: 'tag.list', tags: [] }, custom_attributes: {},
    source: { type: 'conversation', id: '2001', delivered_as: 'customer_initiated', subject: '', body: '<p>Hello</p>', author: { type: 'user', id: 'c0ffee000000000000000001', name: 'Carl', email: 'carl@example.com' }, attachments: [], url: null, redacted: false },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: 'c0ffee000000000000000001', external_id: 'u1' }] },
    teammates: { type: 'admin.list', teammates: [{ type: 'admin', id: '9910001' }] },
    ...(withParts ? { conversation_parts: { type: 'conversation_part.list', total_count: 1, conversation_parts: [
      { type: 'conversation_part', id: '3001', part_type: 'close', body: null, created_at: clock - 3600, updated_at: clock - 3600, notified_at: clock - 3600, assigned_to: null,
        author: { type: 'admin', id: '9910001', name: 'Ada Admin', email: 'ada@example.com' }, attachments: [], external_id: null, redacted: false } ] } } : {}),
  });
  const contact: JsonObject = { type: 'contact', id: 'c0ffee000000000000000001', workspace_id: app.id_code, external_id: 'u1', role: 'user', email: 'carl@example.com', name: 'Carl', phone: null, owner_id: null, created_at: clock - 86400, updated_at: clock - 86400, custom_attributes: {},
    tags: { type: 'list', data: [], url: '/contacts/c0ffee000000000000000001/tags', total_count: 0, has_more: false },
    companies: { type: 'list', data: [], url: '/contacts/c0ffee000000000000000001/companies', total_count: 0, has_more: false } };
  const empty = { created: [], updated: [], deleted: [] };
  const notYet = (): never => { throw new Error('not implemented yet in the placeholder workspace'); };
  return {
    app,
    now: () => clock,
    me: () => ({ ...admin, email_verified: true, app: { type: 'app', ...app, secure: false, identity_verification: false }, avatar: { type: 'avatar', image_url: null } }),
    admins: () => [admin], admin: (id) => (id === admin.id ? admin : undefined),
    teams: () => [], team: () => undefined,
    tags: () => [tag], tag: (id) => (id === tag.id ? tag : undefined),
    companyIds: () => [], company: () => undefined, companyContactIds: () => [],
    contactIds: () => [String(contact.id)], contact: (id) => (id === contact.id ? contact : undefined), contactTags: () => [], contactCompanies: () => [],
    conversationIndex: () => [{ id: '1001', created_at: clock - 7200, updated_at: clock - 3600, state: 'closed' }],
    conversation: (id, q) => (id === '1001' ? convo(q.withParts) : undefined),
    deletedConversations: () => [],
    dataAttributes: () => [], helpCenters: () => [], collections: () => [], collection: () => undefined,
    articleIds: () => [], article: () => undefined,
    file: () => ({ status: 'missing' }),
    truth: {
      ids: (k) => ({ admins: ['9910001'], tags: ['501'], contacts: [String(contact.id)], conversations: ['1001'] } as Record<string, string[]>)[k] ?? [],
      conversations: () => [{ id: '1001', sourceId: '2001', partIds: ['3001'], totalParts: 1, contactIds: [String(contact.id)], adminIds: ['9910001'], tagIds: [] }],
      attachments: () => [], deletedConversationIds: () => [],
    },
    mutate: {
      advance: (s) => { clock += s; },
      createConversation: notYet, addPart: notYet, close: notYet, reopen: notYet, snooze: notYet, deleteConversation: notYet, redactPart: notYet,
      createContact: notYet, updateContact: notYet, deleteContact: notYet, createCompany: notYet, updateCompany: notYet, deleteCompany: notYet,
      createTag: notYet, deleteTag: notYet, createArticle: notYet, updateArticle: notYet, deleteArticle: notYet,
      applyRandomChanges: () => ({ conversations: empty, contacts: empty, companies: empty, tags: empty, articles: empty }),
      replyToConversation: notYet, tagConversation: notYet, tagContact: notYet,
    },
  };
}
