/**
 * `estimate` counts the files an import downloads: attached files and the images inside message
 * bodies (which the import downloads too). With every conversation of a small workspace sampled and
 * read whole, its count and their bytes are the ground truth's, and it downloaded each of them once.
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { estimateCommand } from '../../src/cli/commands/estimate';

describe('estimate: attachment files', () => {
  let emulator: IntercomEmulator;
  beforeAll(async () => {
    // Five conversations: the estimate reads five whole, so nothing is extrapolated.
    emulator = await startIntercomEmulator({ seed: 9, edgeCases: false, size: { conversations: 5, longConversations: 0, deletedConversations: 0, maxPartsPerConversation: 12 } });
  });
  afterAll(async () => emulator.close());

  it('counts attached files and inline images of opening messages and parts, and their bytes, as the workspace holds them', async () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const estimate = await estimateCommand({ intercomUrl: emulator.baseUrl, token: emulator.token, allConversations: true });
      const truth = emulator.workspace.truth.attachments({ allConversations: true }).filter((a) => a.owner.type === 'source' || a.owner.type === 'part');
      const inline = truth.filter((a) => a.kind === 'inline_image').length;
      expect(inline).toBeGreaterThan(0);
      expect(estimate.attachments.readWhole).toBe(5);
      expect(estimate.attachments.files).toBe(truth.length);
      const bytes = truth.reduce((sum, a) => sum + a.size, 0);
      expect(estimate.attachments.bytes).toBe(bytes);
      expect(estimate.attachments.probeFiles).toBe(truth.length);
      expect(estimate.attachments.probeBytes).toBe(bytes);
    } finally {
      spy.mockRestore();
    }
  });
});
