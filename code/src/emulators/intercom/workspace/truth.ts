/**
 * Ground truth in Intercom's terms, read back from what the workspace serves: ids per kind,
 * conversations with the part ids a retrieve returns, and every downloadable file with its hash.
 */
import { CONTENT_TYPES } from './files';
import type { GroundTruth, JsonObject, TruthAttachment, TruthConversation, TruthKind } from './types';
import type { WorkspaceCore } from './workspace';

export function createTruth(ws: WorkspaceCore): Omit<GroundTruth, 'tickets'> {
  const conversationIds = (all: boolean): string[] =>
    ws.conversations.conversationIndex().filter((e) => all || e.state === 'closed').map((e) => e.id);

  const ids = (kind: Exclude<TruthKind, 'tickets'>, o?: { allConversations?: boolean }): string[] => {
    switch (kind) {
      case 'admins':
        return ws.directory.admins().map((a) => String(a.id));
      case 'teams':
        return ws.directory.teams().map((t) => String(t.id));
      case 'tags':
        return ws.directory.tags().map((t) => String(t.id));
      case 'companies':
        return ws.contacts.companyIds();
      case 'contacts':
        return ws.contacts.contactIds();
      case 'conversations':
        return conversationIds(o?.allConversations ?? false);
      case 'collections':
        return ws.helpCenter.collections().map((c) => String(c.id));
      case 'articles':
        return ws.helpCenter.articles.ids();
    }
  };

  const conversations = (o?: { allConversations?: boolean }): TruthConversation[] =>
    conversationIds(o?.allConversations ?? false).map((id) => summarize(ws.conversations.conversation(id, true)!));

  const attachments = (o?: { allConversations?: boolean }): TruthAttachment[] => {
    const out: TruthAttachment[] = [];
    for (const id of conversationIds(o?.allConversations ?? false)) {
      const c = ws.conversations.conversation(id, true)!;
      const source = c.source as JsonObject;
      collectMessage(ws, out, source, { type: 'source', id: String(source.id), conversationId: id });
      for (const p of partsOf(c)) collectMessage(ws, out, p, { type: 'part', id: String(p.id), conversationId: id });
    }
    for (const id of ws.helpCenter.articles.ids()) {
      const a = ws.helpCenter.article(id, false)!;
      const bodies = [String(a.body ?? '')];
      for (const [key, value] of Object.entries((a.translated_content as JsonObject | null) ?? {})) {
        if (key !== 'type' && value && typeof value === 'object') bodies.push(String((value as JsonObject).body ?? ''));
      }
      const owner = { type: 'article' as const, id };
      const seen = new Set<string>();
      for (const body of bodies) {
        for (const url of imageUrls(body)) addFile(ws, out, seen, owner, 'inline_image', url);
        for (const url of linkUrls(body)) addFile(ws, out, seen, owner, 'linked_file', url);
      }
    }
    return out;
  };

  return {
    ids,
    conversations,
    attachments,
    deletedConversationIds: () => ws.conversations.deletedConversations().map((d) => d.id),
  };
}

function partsOf(c: JsonObject): JsonObject[] {
  return ((c.conversation_parts as JsonObject).conversation_parts as JsonObject[]) ?? [];
}

function summarize(c: JsonObject): TruthConversation {
  const source = c.source as JsonObject;
  const parts = partsOf(c);
  const admins = new Set<string>();
  const bots = new Map<string, string>();
  for (const m of [source, ...parts]) {
    const author = m.author as JsonObject;
    if (author?.type === 'admin') admins.add(String(author.id));
    if (author?.type === 'bot') bots.set(String(author.id), String(author.name));
  }
  if (Number(c.admin_assignee_id) > 0) admins.add(String(c.admin_assignee_id));
  return {
    id: String(c.id),
    sourceId: String(source.id),
    partIds: parts.map((p) => String(p.id)),
    totalParts: Number((c.conversation_parts as JsonObject).total_count),
    contactIds: ((c.contacts as JsonObject).contacts as JsonObject[]).map((x) => String(x.id)),
    adminIds: [...admins],
    bots: [...bots].map(([id, name]) => ({ id, name })),
    tagIds: ((c.tags as JsonObject).tags as JsonObject[]).map((t) => String(t.id)),
  };
}

function collectMessage(ws: WorkspaceCore, out: TruthAttachment[], message: JsonObject, owner: TruthAttachment['owner']): void {
  ((message.attachments as JsonObject[]) ?? []).forEach((a, index) => {
    const url = String(a.url).split('?')[0];
    const spec = ws.ctx.files.specFromUrl(url);
    if (!spec) return;
    out.push({ owner, kind: 'attachment', index, url, name: String(a.name), contentType: CONTENT_TYPES[spec.type], size: spec.size, sha256: ws.ctx.files.sha256(spec) });
  });
  const seen = new Set<string>();
  for (const url of imageUrls(String(message.body ?? ''))) addFile(ws, out, seen, owner, 'inline_image', url);
}

function addFile(ws: WorkspaceCore, out: TruthAttachment[], seen: Set<string>, owner: TruthAttachment['owner'], kind: TruthAttachment['kind'], rawUrl: string): void {
  const url = rawUrl.split('?')[0];
  const spec = ws.ctx.files.specFromUrl(url);
  if (!spec || seen.has(url)) return;
  seen.add(url);
  out.push({ owner, kind, url, name: spec.name, contentType: CONTENT_TYPES[spec.type], size: spec.size, sha256: ws.ctx.files.sha256(spec) });
}

function imageUrls(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)].map((m) => m[1]);
}

function linkUrls(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\shref="([^"]+)"/g)].map((m) => m[1]);
}
