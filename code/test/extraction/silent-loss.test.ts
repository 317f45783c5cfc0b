/**
 * Each known cause of silent loss in an incremental connector, ruled out against the Intercom
 * emulator over real HTTP with the real client and the real data loop. (The strict `>` on
 * one-second stamps is ruled out in window.test.ts, where the overlap cannot hide it.)
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { LoopHarness, type Pushed } from './loop-harness';

const SIZE = {
  admins: 3, teams: 2, tags: 4, companies: 4, contacts: 8, conversations: 14, collections: 2, sections: 1, articles: 3,
  helpCenters: 1, maxPartsPerConversation: 4, longConversations: 0, deletedConversations: 1,
};

describe('no silent loss', () => {
  let emu: IntercomEmulator;
  beforeEach(async () => {
    emu = await startIntercomEmulator({ seed: 11, size: SIZE, edgeCases: false });
  });
  afterEach(async () => emu.close());

  const truthParts = (allConversations: boolean): string[] =>
    emu.workspace.truth.conversations({ allConversations }).flatMap((c) => [`${c.id}-source`, ...c.partIds]).sort();

  it('an object updated while the run reads its window arrives with the next sync', async () => {
    const h = new LoopHarness(emu, true);
    await h.begin(false);
    let addedPart: string | undefined;
    let readFirst: string | undefined;
    await h.runToEnd(() => ({
      afterPush: (p: Pushed) => {
        if (p.itemType === 'conversations' && !readFirst) {
          readFirst = p.id;
          addedPart = emu.workspace.mutate.addPart(p.id, { partType: 'comment' }); // already read in this run
        }
      },
    }));
    expect(addedPart).toBeDefined();
    expect(h.ids('conversation_parts')).not.toContain(addedPart);

    h.clearDurable();
    await h.begin(true);
    await h.runToEnd();
    expect(h.ids('conversation_parts')).toContain(addedPart);
  });

  it('the bookmark is the run start, not the newest stamp seen (a change read late cannot hide an earlier one)', async () => {
    const h = new LoopHarness(emu, false); // search, oldest first: a conversation changed mid-run is read again later
    const started = await h.begin(false);
    const contactId = emu.workspace.truth.ids('contacts')[0]!;
    const closed = emu.workspace.truth.ids('conversations');
    let done = false;
    await h.runToEnd(() => ({
      afterPush: (p: Pushed) => {
        if (p.itemType === 'conversations' && !done) {
          done = true;
          emu.workspace.mutate.updateContact(contactId, { name: 'Changed while conversations were read' }); // contacts are done
          emu.workspace.mutate.advance(120);
          emu.workspace.mutate.addPart(closed[closed.length - 1]!, { partType: 'note' }); // read later, stamped later
        }
      },
    }));
    expect(h.stored.bookmark).toBe(started.run!.startedAt);
    const contactStamp = (emu.workspace.contact(contactId) as { updated_at: number }).updated_at;
    expect(h.stored.bookmark!).toBeLessThanOrEqual(contactStamp);

    h.clearDurable();
    await h.begin(true);
    await h.runToEnd();
    expect(h.ids('contacts')).toContain(contactId);
  });

  it('a run resumed after every few items neither skips nor repeats anything', async () => {
    const straight = new LoopHarness(emu, true);
    await straight.begin(false);
    await straight.runToEnd();

    const chopped = new LoopHarness(emu, true);
    await chopped.begin(false);
    await chopped.runToEnd(() => ({ afterPush: (_p, n) => n >= 3 }));
    expect(chopped.invocations).toBeGreaterThan(5);
    for (const type of ['admins', 'tags', 'companies', 'contacts', 'conversations', 'conversation_parts', 'articles']) {
      expect({ type, ids: chopped.ids(type) }).toEqual({ type, ids: straight.ids(type) });
    }
    expect(chopped.ids('conversation_parts')).toEqual(truthParts(true));
    // Detail-fetched kinds resume inside their page: each conversation is read exactly once.
    const reads = new Map<string, number>();
    for (const p of chopped.log.filter((l) => l.itemType === 'conversations')) reads.set(p.id, (reads.get(p.id) ?? 0) + 1);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
  });

  it('a crash after a conversation but before all its parts does not move the cursor past the parts', async () => {
    const h = new LoopHarness(emu, true);
    await h.begin(false);
    let crashed = 0;
    for (let i = 0; i < 100; i++) {
      try {
        const outcome = await h.invoke({
          // Crash on a part (not a source) once a dozen items were pushed in this invocation, twice over the run.
          failPush: (p, n) => {
            if (crashed >= 2 || p.itemType !== 'conversation_parts' || p.id.endsWith('-source') || n < 12) return false;
            crashed += 1;
            return true;
          },
        });
        if (outcome === 'done') break;
      } catch (error) {
        expect(String(error)).toMatch(/simulated crash/);
      }
    }
    expect(crashed).toBe(2);
    expect(h.ids('conversations')).toEqual([...emu.workspace.truth.ids('conversations', { allConversations: true })].sort());
    expect(h.ids('conversation_parts')).toEqual(truthParts(true));
  });

  it('a conversation listed but deleted before it is read is reported and skipped', async () => {
    const h = new LoopHarness(emu, true);
    await h.begin(false);
    const byRecency = [...emu.workspace.conversationIndex()].sort((a, b) => b.updated_at - a.updated_at).map((c) => c.id);
    const victim = byRecency[byRecency.length - 1]!;
    let deleted = false;
    await h.runToEnd(() => ({
      afterPush: (p: Pushed) => {
        if (p.itemType === 'conversations' && !deleted) {
          deleted = true;
          emu.workspace.mutate.deleteConversation(victim);
        }
      },
    }));
    expect(h.ids('conversations')).not.toContain(victim);
    expect(h.stored.report.items.conversations!.skipped.sample).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: victim, reason: expect.stringMatching(/gone|404/) })]));
  });
});
