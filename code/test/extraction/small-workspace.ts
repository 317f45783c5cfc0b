/**
 * Workspaces for the tests about one kind: one of everything (two contacts), nothing deleted, no long
 * conversations, with the kinds a test is about made larger; and an emulator serving one for a whole
 * describe block (or for one test).
 */
import { startIntercomEmulator, type IntercomEmulator, type IntercomEmulatorOptions } from '../../src/emulators/intercom';

type Size = NonNullable<IntercomEmulatorOptions['size']>;

export function smallWorkspace(larger: Size = {}): Size {
  return { admins: 1, teams: 1, tags: 1, companies: 1, contacts: 2, conversations: 1, articles: 1, collections: 1, sections: 0,
    maxPartsPerConversation: 1, longConversations: 0, deletedConversations: 0, ...larger };
}

/** An Intercom emulator (seeded, no edge cases) started before the block's tests and closed after them. */
export function useSmallEmulator(seed: number, size: Size): { readonly emu: IntercomEmulator } {
  const holder: { emu?: IntercomEmulator } = {};
  beforeAll(async () => {
    holder.emu = await startIntercomEmulator({ seed, edgeCases: false, size });
  });
  afterAll(async () => holder.emu?.close());
  return { get emu() { return holder.emu!; } };
}

/** Runs `test` against an Intercom emulator (seeded, no edge cases) serving `size`, closed afterwards whatever happens. */
export async function withSmallEmulator(seed: number, size: Size, test: (emu: IntercomEmulator) => Promise<void>): Promise<void> {
  const emu = await startIntercomEmulator({ seed, edgeCases: false, size });
  try {
    await test(emu);
  } finally {
    await emu.close();
  }
}
