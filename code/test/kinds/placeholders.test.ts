/**
 * Removed teammates (and bots) that objects mention but no listing returns: the normalizers note
 * what each mention tells, and the data loop sends each person once per run with the most that
 * was told, in this run and the earlier ones. Driven through the real loop with an in-memory page
 * source (data-loop.test.ts does the same).
 */
import { ArticleSchema, ConversationSchema } from '../../src/intercom/schemas';
import { kindOf } from '../../src/kinds';
import { MENTIONED_PEOPLE_CAP } from '../../src/kinds/mentioned';
import * as normalize from '../../src/kinds/normalizers';
import { runDataLoop } from '../../src/extraction/data-loop';
import { beginRun, completeRun, initialConnectorState, type ConnectorState } from '../../src/extraction/state';
import { baseContext, fixture } from '../normalize/fixtures';

/** A conversation whose first admin-authored part is by a teammate the admin listing lacks. */
function conversationWithFormerTeammate(id = '9001') {
  const raw = fixture('conversations/conversation-full.json');
  raw.id = id;
  const part = raw.conversation_parts.conversation_parts.find((p: { author?: { type?: string } }) => p.author?.type === 'admin');
  part.author = { type: 'admin', id: '777000111', name: 'Rita Removed', email: 'rita@example.com' };
  raw.admin_assignee_id = 777000222;
  return raw;
}

/** A conversation that names the removed teammate 777000111 only by id (its assignee), with no admin-authored part. */
function conversationAssignedToFormerTeammate(id: string) {
  const raw = fixture('conversations/conversation-full.json');
  raw.id = id;
  raw.conversation_parts.conversation_parts = raw.conversation_parts.conversation_parts.filter((p: { author?: { type?: string } }) => p.author?.type !== 'admin');
  raw.admin_assignee_id = 777000111;
  return raw;
}

const articleByFormerTeammate = () => ({ ...fixture<{ data: Array<Record<string, unknown>> }>('articles/articles.json').data[0], author_id: 777000111 });

const options = { importAllConversations: true, contactReferenceField: '', region: 'eu' };

/** One run of the data loop over `conversations` and `articles` (one page each); returns the pushed admins. */
async function run(state: ConnectorState, objects: { conversations?: Array<Record<string, unknown>>; articles?: Array<Record<string, unknown>> }) {
  const pushed: Array<{ id: string; name: string; email: string | null }> = [];
  const byPath: Record<string, Array<Record<string, unknown>>> = { '/conversations': objects.conversations ?? [], '/articles': objects.articles ?? [] };
  const details = new Map((objects.conversations ?? []).map((c) => [`/conversations/${c.id}`, c]));
  const outcome = await runDataLoop({
    kinds: [kindOf('conversations')!, kindOf('articles')!],
    client: {
      paginate: async function* (spec) { yield { items: byPath[spec.path] ?? [], invalid: [], next: null }; },
      get: async <T>(path: string) => ConversationSchema.parse(details.get(path)) as T,
    },
    state,
    listContext: { importAllConversations: true },
    normalizeContext: state.run!.context,
    push: async (type, items) => {
      if (type === 'admins') for (const i of items) pushed.push({ id: i.id, ...(i as { data: { name: string; email: string | null } }).data });
    },
    checkpoint: async () => undefined,
    isTimeout: () => false,
  });
  expect(outcome).toBe('done');
  return pushed.map(({ id, name, email }) => ({ id, name, email }));
}

const importState = () => beginRun(initialConnectorState(), { startedAt: 1000, windowStart: null, options, context: baseContext() as never });

describe('placeholder admins', () => {
  it('sends each admin the objects name but the listing lacks once, as a dev-user item with what the mentions told', async () => {
    const state = importState();
    expect(await run(state, { conversations: [conversationWithFormerTeammate()] })).toEqual([
      { id: '777000111', name: 'Rita Removed (no longer in Intercom)', email: 'rita@example.com' },
      { id: '777000222', name: 'Teammate 777000222 (no longer in Intercom)', email: null },
    ]);
    expect(state.report.items.admins?.extracted).toBe(2);
  });

  it('makes nothing up for admins the listing has, or when no listing is known', () => {
    const ctx = baseContext();
    normalize.conversation(ConversationSchema.parse(fixture('conversations/conversation-full.json')), ctx);
    expect(ctx.mentionedInRun?.admins ?? {}).toEqual({});
    const noListing = { ...baseContext(), adminNames: undefined };
    normalize.conversation(ConversationSchema.parse(conversationWithFormerTeammate()), noListing);
    expect(noListing.mentionedInRun?.admins ?? {}).toEqual({});
  });

  // The conformance run (test:sdk) saw the same workspace end with a nameless placeholder or a named
  // one, by which object the reads happened to finish first, and its sync then sent the admin again.
  it('sends the name a later object tells, not the nameless first mention', async () => {
    const state = importState();
    const pushed = await run(state, {
      conversations: [conversationAssignedToFormerTeammate('9002'), conversationWithFormerTeammate('9003')],
      articles: [articleByFormerTeammate()],
    });
    expect(pushed.filter((a) => a.id === '777000111')).toEqual([
      { id: '777000111', name: 'Rita Removed (no longer in Intercom)', email: 'rita@example.com' },
    ]);
  });

  it('sends nothing in a sync whose only mention tells less than the import sent, and keeps that across runs', async () => {
    const imported = importState();
    await run(imported, { conversations: [conversationWithFormerTeammate()] });
    const sync = beginRun(completeRun(imported), { startedAt: 2000, windowStart: 900, options, context: baseContext() as never });
    expect(ArticleSchema.safeParse(articleByFormerTeammate()).success).toBe(true);
    expect(await run(sync, { articles: [{ ...articleByFormerTeammate(), updated_at: 1950 }] })).toEqual([]);
    // The next run still knows the name: the state kept it.
    expect(completeRun(sync).mentionedPeople.admins?.['777000111']).toEqual({ name: 'Rita Removed', email: 'rita@example.com' });
  });

  it('sends a placeholder at once, as its mention tells it, when the run has noted as many as it keeps', () => {
    const ctx = baseContext();
    ctx.mentionedInRun = { admins: Object.fromEntries(Array.from({ length: MENTIONED_PEOPLE_CAP }, (_, i) => [`9${i}`, { name: null, email: null }])) };
    const batch = normalize.conversation(ConversationSchema.parse(conversationWithFormerTeammate()), ctx);
    const sent = batch.items.filter((i) => i.itemType === 'admins').map((i) => [i.item.id, (i.item.data as { name: string }).name]);
    expect(sent).toEqual([['777000111', 'Rita Removed (no longer in Intercom)'], ['777000222', 'Teammate 777000222 (no longer in Intercom)']]);
    expect(Object.keys(ctx.mentionedInRun.admins!)).toHaveLength(MENTIONED_PEOPLE_CAP);
  });
});
