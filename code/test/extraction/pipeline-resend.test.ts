/**
 * A sync re-reads a changed conversation whole but sends again only what changed in its window: the
 * conversation, its opening message (which has no dates of its own and carries the conversation's),
 * its new part and that part's file; none of its older parts and none of their files (extraction
 * README). Checked on the platform's push log of the sync.
 */
import { pushedMoreThanOnce, startPipeline, type Pipeline } from './pipeline-helpers';

const SIZE = { admins: 2, teams: 1, tags: 2, companies: 2, contacts: 4, conversations: 20, articles: 1, collections: 1, sections: 0,
  helpCenters: 1, maxPartsPerConversation: 4, longConversations: 0, deletedConversations: 0, tickets: 0 };
const ALL = { import_all_conversations: 'true' };
jest.setTimeout(180_000);

describe('a changed conversation in a sync', () => {
  let p: Pipeline;
  afterAll(async () => p?.close());

  it('is sent again with its opening message, its new part and that part\'s file only', async () => {
    p = await startPipeline({ seed: 43, size: SIZE, edgeCases: false }, { timeoutMs: 30_000 });
    const imported = await p.run('import', ALL);
    expect(imported.status).toBe('done');
    const bookmark: number = p.state().intercom.bookmark;
    const windowStart = bookmark - 5 * 60; // README: the sync keeps what changed since 5 minutes before the bookmark

    // A conversation created before that window, with files on parts older than it: the sync has no reason to send those.
    const truth = p.intercom.workspace.truth;
    const files = truth.attachments({ allConversations: true });
    const partsOf = (id: string) =>
      ((p.intercom.workspace.conversation(id, { withParts: true }) as Record<string, any>).conversation_parts.conversation_parts as Array<Record<string, any>>)
        .map((part) => ({ id: String(part.id), stamp: Number(part.updated_at ?? part.created_at) }));
    const oldPartsOf = (id: string) => partsOf(id).filter((part) => part.stamp < windowStart).map((part) => part.id);
    const quiet = truth.conversations({ allConversations: true }).find((c) => {
      const created = Number((p.intercom.workspace.conversation(c.id, { withParts: false }) as Record<string, any>).created_at);
      return created < windowStart && files.some((a) => a.owner.type === 'part' && oldPartsOf(c.id).includes(a.owner.id));
    });
    expect(quiet).toBeDefined();
    const oldParts = oldPartsOf(quiet!.id);
    const recentParts = partsOf(quiet!.id).filter((part) => part.stamp >= windowStart).map((part) => part.id);

    p.intercom.workspace.mutate.advance(24 * 60 * 60);
    const newPart = p.intercom.workspace.mutate.addPart(quiet!.id, { partType: 'comment', withAttachment: true });
    const synced = await p.run('sync', ALL);
    expect(synced.error).toBeUndefined();
    expect(synced.status).toBe('done');

    const pushes = p.pushCounts(synced.runId);
    expect(pushes.get('conversations')?.get(quiet!.id)).toBe(1);
    const partsOfQuiet = [...(pushes.get('conversation_parts')?.keys() ?? [])]
      .filter((id) => id === `${quiet!.id}-source` || quiet!.partIds.includes(id) || id === newPart);
    expect(partsOfQuiet.sort()).toEqual([`${quiet!.id}-source`, ...recentParts, newPart].sort());
    const filesOfOldParts = [...(pushes.get('attachments')?.keys() ?? [])].filter((id) => oldParts.some((part) => id.startsWith(`part-${part}-`)));
    expect(filesOfOldParts).toEqual([]);
    expect(pushes.get('attachments')?.get(`part-${newPart}-att-0`)).toBe(1);
    expect(pushes.get('ssor_attachment')?.get(`part-${newPart}-att-0`)).toBe(1);
    for (const [itemType, counts] of pushes) expect({ itemType, twice: pushedMoreThanOnce(counts) }).toEqual({ itemType, twice: [] });
  });
});
