/**
 * Nothing twice when a scroll dies mid-way: Intercom answers 500 on a later page of the companies
 * scroll, the client starts the scroll again from the beginning, and the companies that went out
 * before the break must not go out again.
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { LoopHarness } from './loop-harness';
import { smallWorkspace } from './small-workspace';

const SIZE = smallWorkspace({ admins: 2, tags: 2, companies: 150, contacts: 3, conversations: 2, sections: 1, helpCenters: 1, maxPartsPerConversation: 2 });

describe('a companies scroll that dies on its second page', () => {
  let emu: IntercomEmulator;
  beforeAll(async () => {
    // Scroll pages hold 100 companies: the first page is read and pushed, the second answers 500.
    emu = await startIntercomEmulator({ seed: 3, size: SIZE, edgeCases: false, faults: { scrollErrorAtPage: 2 } });
  });
  afterAll(async () => emu.close());

  it('is restarted, and each company is pushed exactly once', async () => {
    const h = new LoopHarness(emu, true);
    await h.begin(false);
    await h.runToEnd();
    expect(emu.metrics().faults.scroll_error).toBe(1);
    const pushes = new Map<string, number>();
    for (const p of h.log.filter((l) => l.itemType === 'companies')) pushes.set(p.id, (pushes.get(p.id) ?? 0) + 1);
    expect([...pushes].filter(([, n]) => n > 1)).toEqual([]);
    expect([...pushes.keys()].sort()).toEqual(emu.workspace.truth.ids('companies').sort());
    expect(emu.workspace.truth.ids('companies')).toHaveLength(150);
  });
});
