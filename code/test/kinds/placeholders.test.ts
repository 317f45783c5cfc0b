import { ArticleSchema, ConversationSchema } from '../../src/intercom/schemas';
import { beginRun, completeRun, initialConnectorState } from '../../src/extraction/state';
import * as normalize from '../../src/kinds/normalizers';
import { baseContext, fixture } from '../normalize/fixtures';

/** A conversation whose first admin-authored part is by a teammate the admin listing lacks. */
function conversationWithFormerTeammate() {
  const raw = fixture('conversations/conversation-full.json');
  const part = raw.conversation_parts.conversation_parts.find((p: { author?: { type?: string } }) => p.author?.type === 'admin');
  part.author = { type: 'admin', id: '777000111', name: 'Rita Removed', email: 'rita@example.com' };
  raw.admin_assignee_id = 777000222;
  return ConversationSchema.parse(raw);
}

describe('placeholder admins', () => {
  it('turns each admin a conversation references but the listing lacks into one dev-user item', () => {
    const batch = normalize.conversation(conversationWithFormerTeammate(), baseContext());
    const admins = batch.items.filter((i) => i.itemType === 'admins').map((i) => i.item);
    expect(admins.map((a) => a.id).sort()).toEqual(['777000111', '777000222']);
    const rita = admins.find((a) => a.id === '777000111')!;
    expect(rita.data).toMatchObject({ name: 'Rita Removed (no longer in Intercom)', email: 'rita@example.com', has_inbox_seat: false });
    expect((admins.find((a) => a.id === '777000222')!.data as { name: string }).name).toBe('Teammate 777000222 (no longer in Intercom)');
    // Every admin reference of the conversation's items now resolves to a listed or a placeholder admin.
    const known = new Set([...Object.keys(baseContext().adminNames!), ...admins.map((a) => a.id)]);
    const parts = batch.items.filter((i) => i.itemType === 'conversation_parts').map((i) => i.item.data as Record<string, unknown>);
    for (const p of parts.filter((d) => d.author_type === 'admin')) expect(known.has(String(p.author_id))).toBe(true);
  });

  it('makes nothing up for admins the listing has, or when no listing is known', () => {
    const ctx = baseContext();
    const listed = normalize.conversation(ConversationSchema.parse(fixture('conversations/conversation-full.json')) as never, ctx);
    expect(listed.items.filter((i) => i.itemType === 'admins')).toEqual([]);
    const noListing = normalize.conversation(conversationWithFormerTeammate(), { ...ctx, adminNames: undefined });
    expect(noListing.items.filter((i) => i.itemType === 'admins')).toEqual([]);
  });

  it('sends a placeholder once per run: a later invocation (a fresh worker, the context read back from the state) does not repeat it', () => {
    const admins = (batch: { items: Array<{ itemType: string; item: { id: string } }> }) =>
      batch.items.filter((i) => i.itemType === 'admins').map((i) => i.item.id).sort();
    // Each invocation is a new worker: load the normalizers afresh, as it does.
    const inFreshWorker = <T>(use: (n: typeof normalize) => T): T => {
      let out!: T;
      jest.isolateModules(() => {
        out = use(require('../../src/kinds/normalizers') as typeof normalize);
      });
      return out;
    };
    const context = baseContext();
    expect(inFreshWorker((n) => admins(n.conversation(conversationWithFormerTeammate(), context)))).toEqual(['777000111', '777000222']);
    const savedInState = JSON.parse(JSON.stringify(context)) as typeof context;
    expect(inFreshWorker((n) => admins(n.conversation(conversationWithFormerTeammate(), savedInState)))).toEqual([]);
    // The next run reads a new context, and sends them again with the conversations it sends.
    expect(inFreshWorker((n) => admins(n.conversation(conversationWithFormerTeammate(), baseContext())))).toEqual(['777000111', '777000222']);
  });

  // The conformance run (test:sdk) saw the same workspace end with a nameless placeholder or a named
  // one, by which object the reads happened to finish first, and its sync then sent the admin again.
  it('sends a placeholder again in the run when a later mention names it, and never with less than was sent', () => {
    const article = () => ArticleSchema.parse({ ...fixture<{ data: object[] }>('articles/articles.json').data[0], author_id: 777000111 });
    const namesOf = (batch: { items: Array<{ itemType: string; item: { id: string; data: unknown } }> }) =>
      batch.items.filter((i) => i.itemType === 'admins' && i.item.id === '777000111').map((i) => (i.item.data as { name: string }).name);
    const ctx = baseContext();
    expect(namesOf(normalize.article(article(), ctx))).toEqual(['Teammate 777000111 (no longer in Intercom)']);
    expect(namesOf(normalize.conversation(conversationWithFormerTeammate(), ctx))).toEqual(['Rita Removed (no longer in Intercom)']);
    expect(namesOf(normalize.article(article(), ctx))).toEqual([]);
  });

  it('keeps what the mentions told across runs: a sync whose only mention has no name sends the name the import sent', () => {
    const article = ArticleSchema.parse({ ...fixture<{ data: object[] }>('articles/articles.json').data[0], author_id: 777000111 });
    const options = { importAllConversations: true, contactReferenceField: '', region: 'eu' };
    const imported = beginRun(initialConnectorState(), { startedAt: 1000, windowStart: null, options, context: baseContext() as never });
    normalize.conversation(conversationWithFormerTeammate(), imported.run!.context);
    const sync = beginRun(completeRun(imported), { startedAt: 2000, windowStart: 900, options, context: baseContext() as never });
    const admins = normalize.article(article, sync.run!.context).items.filter((i) => i.itemType === 'admins');
    expect(admins.map((i) => (i.item.data as { name: string; email: string | null }))).toEqual([
      expect.objectContaining({ name: 'Rita Removed (no longer in Intercom)', email: 'rita@example.com' }),
    ]);
  });
});
