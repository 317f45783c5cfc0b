/** Shared helpers for the workspace tests. */
import { createWorkspace, type CreateWorkspaceOptions, type JsonObject, type Workspace } from '../../../../src/emulators/intercom/workspace';

export const BASE = 'http://127.0.0.1:4010';

export function workspace(o: Partial<CreateWorkspaceOptions> = {}): Workspace {
  return createWorkspace({ fileBaseUrl: BASE, ...o });
}

/** Every object the workspace serves, by kind (conversations with parts, articles with statistics). */
export function dump(w: Workspace): Record<string, unknown[]> {
  return {
    me: [w.me()],
    admins: w.admins(),
    teams: w.teams(),
    tags: w.tags(),
    companies: w.companyIds().map((id) => w.company(id)),
    contacts: w.contactIds().map((id) => w.contact(id)),
    conversations: w.conversationIndex().map((e) => w.conversation(e.id, { withParts: true })),
    deleted: w.deletedConversations(),
    attributes: [...w.dataAttributes('contact'), ...w.dataAttributes('company'), ...w.dataAttributes('conversation')],
    helpCenters: w.helpCenters(),
    collections: w.collections(),
    articles: w.articleIds().map((id) => w.article(id, { withStatistics: true })),
  };
}

export function partsOf(c: JsonObject): JsonObject[] {
  return (c.conversation_parts as { conversation_parts: JsonObject[] }).conversation_parts;
}

export function allConversations(w: Workspace): JsonObject[] {
  return w.conversationIndex().map((e) => w.conversation(e.id, { withParts: true })!);
}

/** Path plus query of a URL on the emulator, as the server would receive it. */
export function requestPath(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
