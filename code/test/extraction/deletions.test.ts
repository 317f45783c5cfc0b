/**
 * Deletions found by an incremental run: conversations through `/conversations/deleted`, the small
 * kinds by comparing the id sets of two complete listings. They are reported (README: the protocol
 * cannot delete extracted items), each with its id.
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { LoopHarness } from './loop-harness';

describe('deletions', () => {
  let emu: IntercomEmulator;
  beforeAll(async () => {
    emu = await startIntercomEmulator({
      seed: 12, edgeCases: false,
      size: { admins: 3, teams: 2, tags: 5, companies: 4, contacts: 6, conversations: 10, articles: 4, collections: 2, sections: 0,
        maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 2 },
    });
  });
  afterAll(async () => emu.close());

  it('reports deleted conversations, tags, companies and articles of the sync window, and nothing else', async () => {
    const h = new LoopHarness(emu, true);
    await h.begin(false);
    await h.runToEnd();
    expect(h.stored.report.deletions).toEqual({}); // a full import reports none (and has nothing to compare with)
    const alreadyDeleted = emu.workspace.truth.deletedConversationIds();
    expect(alreadyDeleted.length).toBeGreaterThan(0);

    const truth = emu.workspace.truth;
    const gone = {
      conversations: truth.ids('conversations', { allConversations: true })[0]!,
      tags: truth.ids('tags')[0]!,
      companies: truth.ids('companies')[0]!,
      articles: truth.ids('articles')[0]!,
    };
    emu.workspace.mutate.advance(60);
    emu.workspace.mutate.deleteConversation(gone.conversations);
    emu.workspace.mutate.deleteTag(gone.tags);
    emu.workspace.mutate.deleteCompany(gone.companies);
    emu.workspace.mutate.deleteArticle(gone.articles);

    await h.begin(true);
    await h.runToEnd();
    const deletions = h.stored.report.deletions;
    for (const [itemType, id] of Object.entries(gone)) {
      expect({ itemType, ids: deletions[itemType]?.sample.map((s) => s.id) }).toEqual({ itemType, ids: [id] });
    }
    // Conversations deleted before the previous run are outside the window: not reported again.
    for (const id of alreadyDeleted) expect(deletions.conversations!.sample.map((s) => s.id)).not.toContain(id);
    expect(Object.keys(deletions).sort()).toEqual(['articles', 'companies', 'conversations', 'tags']);
  });

  it('at 2,000 companies (above the old 500-id cap) a deleted company is reported, with a state far below 1 MB', async () => {
    const many = await startIntercomEmulator({
      seed: 13, edgeCases: false,
      size: { admins: 1, teams: 1, tags: 1, companies: 2_000, contacts: 2, conversations: 1, articles: 1, collections: 1, sections: 0,
        maxPartsPerConversation: 1, longConversations: 0, deletedConversations: 0 },
    });
    try {
      const h = new LoopHarness(many, true);
      await h.begin(false);
      await h.runToEnd();
      expect(h.ids('companies')).toHaveLength(2_000);
      expect(h.stored.report.deletionDetectionSkipped).toEqual({});

      const gone = many.workspace.truth.ids('companies')[1_234]!;
      many.workspace.mutate.advance(60);
      many.workspace.mutate.deleteCompany(gone);
      await h.begin(true);
      await h.runToEnd();
      expect(h.stored.report.deletions.companies?.sample.map((s) => s.id)).toEqual([gone]);
      expect(h.stored.report.deletionDetectionSkipped).toEqual({});
      // 2,000 ids of 24 hex characters are 48 KB as a plain list; encoded, the whole state stays small.
      expect(JSON.stringify(h.stored).length).toBeLessThan(64_000);
    } finally {
      await many.close();
    }
  }, 300_000);
});
