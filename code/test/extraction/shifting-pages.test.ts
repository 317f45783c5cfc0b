/**
 * Page-number listings shift under the reader: an article deleted after `GET /articles` page 1 was
 * read moves the first article of page 2 onto page 1, which was read already. Every live article must
 * still be pushed, and the next sync must report only the one really deleted.
 */
import { LoopHarness } from './loop-harness';
import { smallWorkspace, useSmallEmulator, withSmallEmulator } from './small-workspace';

describe('a page-number listing that shifts between two page reads', () => {
  const intercom = useSmallEmulator(16, smallWorkspace({ articles: 150 }));

  it('misses no article and reports no false deletion', async () => {
    expect(intercom.emu.workspace.truth.ids('articles')).toHaveLength(150); // pages of 100: two pages
    // In each run, right after page 1 was answered (before page 2 is asked for), the first article goes.
    const deleted: string[] = [];
    let firstPageOfRun = true;
    const off = intercom.emu.onRequest((e) => {
      if (e.route !== 'GET /articles' || !firstPageOfRun) return;
      firstPageOfRun = false;
      deleted.push(intercom.emu.workspace.truth.ids('articles')[0]!);
      intercom.emu.workspace.mutate.deleteArticle(deleted[deleted.length - 1]!);
    });
    try {
      const h = new LoopHarness(intercom.emu, true);
      await h.begin(false);
      await h.runToEnd();
      const live = intercom.emu.workspace.truth.ids('articles');
      expect(live).toHaveLength(149);
      expect(live.filter((id) => !h.ids('articles').includes(id))).toEqual([]);

      intercom.emu.workspace.mutate.advance(60);
      firstPageOfRun = true;
      await h.begin(true);
      await h.runToEnd();
      expect(deleted).toHaveLength(2);
      // The import's deletion is reported; the sync's own was seen on page 1 before it went (next sync reports it).
      expect(h.stored.report.deletions).toEqual({ articles: { count: 1, sample: [{ id: deleted[0], reason: 'absent from a complete listing' }] } });
    } finally {
      off();
    }
  }, 300_000);

  it('reads a listing that fits in one page once per run: one answer cannot shift under itself', async () => {
    await withSmallEmulator(17, smallWorkspace({ articles: 30, collections: 14 }), async (emu) => {
      const pages: Record<string, number> = {};
      const off = emu.onRequest((e) => {
        if (e.route === 'GET /articles' || e.route === 'GET /help_center/collections') pages[e.route] = (pages[e.route] ?? 0) + 1;
      });
      try {
        const h = new LoopHarness(emu, true);
        await h.begin(false);
        await h.runToEnd();
        expect(h.ids('articles')).toHaveLength(30);
        expect(pages).toEqual({ 'GET /articles': 1, 'GET /help_center/collections': 1 });
      } finally {
        off();
      }
    });
  }, 120_000);
});
