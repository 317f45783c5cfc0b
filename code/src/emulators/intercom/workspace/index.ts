/**
 * The Intercom emulator's generated workspace: realistic, nasty, deterministic from the seed, and
 * derived on demand so that a 50,000-conversation workspace starts in seconds.
 *
 *   const ws = createWorkspace({ seed: 7, fileBaseUrl: 'http://127.0.0.1:4010' });
 *   ws.conversation(ws.conversationIndex()[0].id, { withParts: true });
 *   ws.mutate.addPart(id); ws.truth.ids('conversations');
 */
import { createContext } from './context';
import { invalid } from './errors';
import { createMutations } from './mutations';
import { resolveSize } from './size';
import { createTruth } from './truth';
import { withTicketMutations, withTicketTruth } from './ticket-truth';
import { TicketBook } from './tickets';
import type { CreateWorkspaceOptions, JsonObject, Workspace } from './types';
import { WorkspaceCore } from './workspace';

export * from './types';
export { WorkspaceError } from './errors';
export { DEFAULT_SIZE } from './size';

/** 2026-01-01T00:00:00Z: the default start of the emulated clock (fixed, so runs are reproducible). */
export const DEFAULT_START_TIME = 1767225600;

/** Creates a workspace. Same options, same workspace. */
export function createWorkspace(o: CreateWorkspaceOptions): Workspace {
  const seed = o.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw invalid('workspace', 'seed', `seed must be an integer, got ${String(o.seed)}`);
  if (typeof o.fileBaseUrl !== 'string' || !/^https?:\/\/[^/?#]+/.test(o.fileBaseUrl)) {
    throw invalid('workspace', 'fileBaseUrl', `fileBaseUrl must be an http(s) origin such as http://127.0.0.1:4010, got ${JSON.stringify(o.fileBaseUrl)}`);
  }
  const start = o.startTime ?? DEFAULT_START_TIME;
  if (!Number.isSafeInteger(start) || start < 100_000_000) throw invalid('workspace', 'startTime', `startTime must be unix seconds, got ${String(o.startTime)}`);
  const edgeCases = o.edgeCases ?? true;
  const fileShare = o.fileShare ?? 1;
  if (!(fileShare >= 0 && fileShare <= 1)) throw invalid('workspace', 'fileShare', `fileShare must be between 0 and 1, got ${String(o.fileShare)}`);
  const ctx = createContext({ seed, size: resolveSize(o.size, edgeCases), edgeCases, start, fileBaseUrl: o.fileBaseUrl, fileShare });
  const ws = new WorkspaceCore(ctx);
  const tickets = new TicketBook(ws);
  const owner = ws.people.admins[0];
  const app = {
    id_code: ctx.appId,
    name: `Acme Support (${seed})`,
    region: (['US', 'EU', 'AU'] as const)[seed % 3 === 1 ? 0 : seed % 3 === 2 ? 1 : 2],
    timezone: ['America/Los_Angeles', 'Europe/Dublin', 'Australia/Sydney', 'Asia/Kolkata'][seed % 4],
    created_at: start - 800 * 86_400,
  };
  return {
    app,
    now: () => ws.clock,
    me: (): JsonObject => ({
      type: 'admin',
      id: String(owner?.id ?? '0'),
      email: String(owner?.email ?? 'owner@example.com'),
      name: String(owner?.name ?? 'Owner'),
      email_verified: true,
      app: { type: 'app', ...app, secure: false, identity_verification: false },
      avatar: { type: 'avatar', image_url: 'https://static.intercomassets.com/assets/default-avatars/admins/128.png' },
      has_inbox_seat: true,
    }),
    admins: () => ws.directory.admins(),
    admin: (id) => ws.directory.admin(id),
    teams: () => ws.directory.teams(),
    team: (id) => ws.directory.team(id),
    tags: () => ws.directory.tags(),
    tag: (id) => ws.directory.tag(id),
    companyIds: () => ws.contacts.companyIds(),
    company: (id) => ws.contacts.company(id),
    companyContactIds: (id) => ws.contacts.companyContactIds(id),
    contactIds: () => ws.contacts.contactIds(),
    contact: (id) => ws.contacts.contact(id),
    contactTags: (id) => ws.contacts.contactTags(id),
    contactCompanies: (id) => ws.contacts.contactCompanies(id),
    conversationIndex: () => ws.conversations.conversationIndex(),
    conversation: (id, q) => ws.conversations.conversation(id, q.withParts),
    deletedConversations: () => ws.conversations.deletedConversations(),
    dataAttributes: (model) => ws.dataAttributes(model),
    helpCenters: () => ws.helpCenter.helpCenters(),
    collections: () => ws.helpCenter.collections(),
    collection: (id) => ws.helpCenter.collection(id),
    articleIds: () => ws.helpCenter.articles.ids(),
    article: (id, q) => ws.helpCenter.article(id, q.withStatistics),
    ticketTypes: () => tickets.catalog.types(),
    ticketStates: () => tickets.catalog.states(),
    ticketIds: () => tickets.ids(),
    ticket: (id, q) => tickets.ticket(id, q.withParts),
    file: (path, now) => ws.file(path, now ?? ws.clock),
    truth: withTicketTruth(createTruth(ws), ws, tickets),
    mutate: withTicketMutations(createMutations(ws), ws, tickets),
  };
}
