/**
 * Deletions found by an incremental run: conversations through `/conversations/deleted`, the small
 * kinds by comparing the id sets of two complete listings. They are reported (README: the protocol
 * cannot delete extracted items), each with its id.
 */
import { LoopHarness } from './loop-harness';
import { smallWorkspace, useSmallEmulator, withSmallEmulator } from './small-workspace';

describe('deletions', () => {
  const intercom = useSmallEmulator(12, smallWorkspace({ admins: 3, teams: 2, tags: 5, companies: 4, contacts: 6, conversations: 10, articles: 4,
    collections: 2, maxPartsPerConversation: 2, deletedConversations: 2 }));

  it('reports deleted conversations, tags, companies, articles and contacts of the sync window, and nothing else', async () => {
    const h = new LoopHarness(intercom.emu, true);
    await h.begin(false);
    await h.runToEnd();
    expect(h.stored.report.deletions).toEqual({}); // a full import reports none (and has nothing to compare with)
    const alreadyDeleted = intercom.emu.workspace.truth.deletedConversationIds();
    expect(alreadyDeleted.length).toBeGreaterThan(0);

    const truth = intercom.emu.workspace.truth;
    const gone = {
      conversations: truth.ids('conversations', { allConversations: true })[0]!,
      tags: truth.ids('tags')[0]!,
      companies: truth.ids('companies')[0]!,
      articles: truth.ids('articles')[0]!,
      contacts: truth.ids('contacts')[2]!,
    };
    intercom.emu.workspace.mutate.advance(60);
    intercom.emu.workspace.mutate.deleteConversation(gone.conversations);
    intercom.emu.workspace.mutate.deleteTag(gone.tags);
    intercom.emu.workspace.mutate.deleteCompany(gone.companies);
    intercom.emu.workspace.mutate.deleteArticle(gone.articles);
    intercom.emu.workspace.mutate.deleteContact(gone.contacts);

    await h.begin(true);
    await h.runToEnd();
    const deletions = h.stored.report.deletions;
    for (const [itemType, id] of Object.entries(gone)) {
      expect({ itemType, ids: deletions[itemType]?.sample.map((s) => s.id) }).toEqual({ itemType, ids: [id] });
    }
    // Conversations deleted before the previous run are outside the window: not reported again.
    for (const id of alreadyDeleted) expect(deletions.conversations!.sample.map((s) => s.id)).not.toContain(id);
    expect(Object.keys(deletions).sort()).toEqual(['articles', 'companies', 'contacts', 'conversations', 'tags']);
  });

  it('at 2,000 companies (above the old 500-id cap) a deleted company is reported, with a state far below 1 MB', async () => {
    await withSmallEmulator(13, smallWorkspace({ companies: 2_000 }), async (many) => {
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
    });
  }, 300_000);

  it('contacts listed by 150 over several syncs (one page per sync here): a deletion is reported when the id listing completes', async () => {
    await withSmallEmulator(14, smallWorkspace({ contacts: 400 }), async (many) => {
      const h = new LoopHarness(many, true);
      h.idPassPagesPerSync = 1;
      await h.begin(false);
      await h.runToEnd();
      expect(h.ids('contacts')).toHaveLength(400);
      // 400 contacts are 3 pages of 150: the one deleted sits on the third.
      const ids = many.workspace.truth.ids('contacts');
      const gone = ids[350]!;
      many.workspace.mutate.advance(60);
      many.workspace.mutate.deleteContact(gone);
      const contactPages: number[] = [];
      const reported: Array<string[] | undefined> = [];
      for (let sync = 1; sync <= 3; sync++) {
        many.resetMetrics();
        await h.begin(true);
        await h.runToEnd();
        contactPages.push(many.metrics().byEndpoint['GET /contacts'] ?? 0);
        reported.push(h.stored.report.deletions.contacts?.sample.map((s) => s.id));
      }
      expect(contactPages).toEqual([1, 1, 1]);
      expect(reported).toEqual([undefined, undefined, [gone]]);
      expect(h.stored.report.deletionDetectionSkipped).toEqual({});
    });
  }, 300_000);
});
