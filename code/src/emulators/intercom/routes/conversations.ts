import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { errors } from '../http/errors';
import { compareIds, keysetPage, nextPageUrl, pageNumberPages, readPage, readPerPage } from '../http/paging';
import { requireVersion } from '../http/versions';
import { conversationAsPlaintext } from '../plaintext';
import { CONVERSATION_INDEX_FIELDS, conversationFields } from '../search/fields';
import { searchWorkspace } from '../search/runSearch';
import type { ConversationIndexEntry, JsonObject } from '../workspace/types';
import { bodyObject, found, param, queryOf, requiredString } from './shared';

const NOT_FOUND = ['conversation_not_found', 'Conversation not found'] as const;

/** Conversations: list (cursor, most recently updated first), search, retrieve, deleted ids, attributes and writes. */
export function registerConversationRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const ws = () => ctx.workspace;
  const listShape = (id: string) => ws().conversation(id, { withParts: false });

  // The index sorted most recently updated first, re-sorted only when the workspace changed (its clock moved).
  let recency: { version: string; sorted: ConversationIndexEntry[] } | undefined;
  const byRecency = (): ConversationIndexEntry[] => {
    const index = ws().conversationIndex();
    const version = `${ws().now()}:${index.length}`;
    if (recency?.version !== version) {
      recency = { version, sorted: [...index].sort((a, b) => b.updated_at - a.updated_at || compareIds(b.id, a.id)) };
    }
    return recency.sorted;
  };

  app.get('/conversations', async (req) => {
    const q = queryOf(req);
    const perPage = readPerPage(q.per_page, { default: 20, max: 150 });
    const index = byRecency();
    const page = keysetPage(index, {
      scope: 'conversations', perPage, startingAfter: q.starting_after, keyOf: (c) => c.updated_at, idOf: (c) => c.id, descending: true,
    });
    return {
      type: 'conversation.list',
      conversations: page.items.map((c) => listShape(c.id)).filter((c) => c !== undefined),
      total_count: index.length,
      pages: page.pages,
    };
  });

  app.post('/conversations/search', async (req) => {
    const body = bodyObject(req);
    if (body.sort !== undefined) throw errors.parameterInvalid('Conversation search does not accept sort', 'sort');
    const result = searchWorkspace(ws(), {
      kind: 'conversations',
      body,
      catalog: conversationFields,
      // The index answers id/created_at/updated_at/state; other fields need the conversations themselves.
      records: function* (fields) {
        const indexOnly = fields.every((f) => CONVERSATION_INDEX_FIELDS.has(f));
        for (const entry of ws().conversationIndex()) {
          const record: JsonObject | undefined = indexOnly ? entry : listShape(entry.id);
          if (record) yield record;
        }
      },
      perPageDefault: 20,
    });
    return {
      type: 'conversation.list',
      conversations: result.items.map((h) => listShape(h.id)).filter((c) => c !== undefined),
      total_count: result.total,
      pages: result.pages,
    };
  });

  app.get('/conversations/deleted', async (req) => {
    requireVersion(req.intercom.version, '2.16');
    const q = queryOf(req);
    const page = readPage(q.page);
    const perPage = readPerPage(q.per_page, { default: 20, max: 60 });
    const order = q.order ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw errors.parameterInvalid(`order must be asc or desc, not '${order}'`, 'order');
    const all = [...ws().deletedConversations()].sort((a, b) => (order === 'asc' ? 1 : -1) * (a.deleted_at - b.deleted_at));
    return {
      type: 'conversations.list',
      conversations: all.slice((page - 1) * perPage, page * perPage).map((d) => ({ type: 'conversation', ...d })),
      total_count: all.length,
      pages: pageNumberPages({ total: all.length, page, perPage, nextUrl: (n) => nextPageUrl(ctx.baseUrl, '/conversations/deleted', { ...q, order }, n, perPage) }),
    };
  });

  app.get('/conversations/attributes', async () => ({ type: 'list', data: ws().dataAttributes('conversation') }));

  app.get('/conversations/:id', async (req) => {
    const conversation = found(ws().conversation(param(req, 'id'), { withParts: true }), ...NOT_FOUND);
    return queryOf(req).display_as === 'plaintext' ? conversationAsPlaintext(conversation) : conversation;
  });

  app.post('/conversations/:id/reply', async (req) => {
    const id = param(req, 'id');
    found(listShape(id), ...NOT_FOUND);
    const body = bodyObject(req);
    if (body.type !== 'admin') throw errors.parameterInvalid("Only admin replies are emulated: type must be 'admin'", 'type');
    const messageType = body.message_type;
    if (messageType !== 'comment' && messageType !== 'note') throw errors.parameterInvalid("message_type must be 'comment' or 'note'", 'message_type');
    const adminId = requiredString(body, 'admin_id');
    found(ws().admin(adminId), 'admin_not_found', 'Admin not found');
    const text = requiredString(body, 'body');
    return ws().mutate.replyToConversation(id, { adminId, messageType, body: text });
  });

  app.post('/conversations/:id/tags', async (req) => {
    const id = param(req, 'id');
    found(listShape(id), ...NOT_FOUND);
    const body = bodyObject(req);
    const tagId = requiredString(body, 'id');
    const adminId = requiredString(body, 'admin_id');
    found(ws().tag(tagId), 'tag_not_found', 'Tag not found');
    found(ws().admin(adminId), 'admin_not_found', 'Admin not found');
    return ws().mutate.tagConversation(id, tagId, adminId);
  });
}
