/**
 * `/conversations/deleted` across pages and invocations: more deletions than one page (60) holds, an
 * invocation that stops after the first page (on the emulator's event of that request), and a resumed
 * one that goes on from the second page. Every deletion of the window is counted once.
 */
import { LoopHarness } from './loop-harness';
import { smallWorkspace, useSmallEmulator } from './small-workspace';

jest.setTimeout(120_000);

describe('deleted conversations', () => {
  const intercom = useSmallEmulator(13, smallWorkspace({ admins: 2, contacts: 3, conversations: 150, articles: 0, collections: 0, tickets: 0 }));

  it('are paged through, and a stopped invocation resumes at the next page: 130 deletions counted once each', async () => {
    const h = new LoopHarness(intercom.emu, true);
    await h.begin(false);
    await h.runToEnd();

    const doomed = intercom.emu.workspace.truth.ids('conversations', { allConversations: true }).slice(0, 130);
    intercom.emu.workspace.mutate.advance(60);
    for (const id of doomed) intercom.emu.workspace.mutate.deleteConversation(id);

    const deletedPages: string[] = [];
    const unsubscribe = intercom.emu.onRequest((entry) => {
      if (entry.route === 'GET /conversations/deleted') deletedPages.push(entry.url);
    });
    try {
      await h.begin(true);
      // First invocation: stops at the loop's first check after a page of deletions was read.
      expect(await h.invoke({ stopWhen: () => deletedPages.length > 0 })).toBe('timeout');
      expect(deletedPages).toHaveLength(1);
      expect(h.stored.deletedConversations.phase).toBe('pending');
      expect(h.stored.deletedConversations.pageFrom).not.toBeNull();
      expect(h.stored.report.deletions.conversations?.count).toBe(60);

      expect(await h.invoke()).toBe('done');
      // Resumed from page 2, never page 1 again: 60 + 60 + 10.
      expect(deletedPages).toHaveLength(3);
      expect(deletedPages.slice(1).every((url) => !/[?&]page=1(&|$)/.test(url) && /[?&](page=|starting_after=)/.test(url))).toBe(true);
      expect(h.stored.deletedConversations.phase).toBe('done');
      expect(h.stored.report.deletions.conversations?.count).toBe(130);
      const sampled = h.stored.report.deletions.conversations!.sample.map((s) => s.id);
      expect(sampled.filter((id) => !doomed.includes(id))).toEqual([]);
    } finally {
      unsubscribe();
    }
  });
});
