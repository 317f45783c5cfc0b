/**
 * `estimate` counts the files an import downloads: attached files and the images inside message
 * bodies (which the import downloads too), of conversations, tickets and articles. With every
 * conversation of a small workspace read whole and every ticket and article on one listing page,
 * its count and their bytes are the ground truth's, and it downloaded each of them once. In a larger
 * workspace of the bench's shape (heavy-tailed sizes) it scales its sample to within 10 % of the files
 * and 20 % of the bytes.
 */
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { estimateCommand } from '../../src/cli/commands/estimate';
import { referenceShapeOptions } from '../../src/cli/bench/workspace-shape';

describe('estimate: attachment files', () => {
  let emulator: IntercomEmulator;
  beforeAll(async () => {
    // Five conversations: the estimate reads five whole, so nothing is extrapolated (tickets and articles: one page each).
    emulator = await startIntercomEmulator({ seed: 9, edgeCases: false, size: { conversations: 5, longConversations: 0, deletedConversations: 0, maxPartsPerConversation: 12 } });
  });
  afterAll(async () => emulator.close());

  it('counts attached files and inline images of conversations, tickets and articles, and their bytes, as the workspace holds them', async () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const estimate = await estimateCommand({ intercomUrl: emulator.baseUrl, token: emulator.token, allConversations: true });
      const truth = emulator.workspace.truth.attachments({ allConversations: true });
      expect(truth.filter((a) => a.kind === 'inline_image').length).toBeGreaterThan(0);
      expect(truth.filter((a) => a.owner.type === 'ticket_part' || a.owner.type === 'article').length).toBeGreaterThan(0);
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

describe('estimate: attachment files of a workspace in the bench shape', () => {
  let emulator: IntercomEmulator;
  // 1,200 conversations (seed 11): 300 read whole, scaled ×4; about one file per conversation, 7 % of them 1–4 MB.
  beforeAll(async () => {
    emulator = await startIntercomEmulator({ seed: 11, ...referenceShapeOptions(1200) });
  }, 60_000);
  afterAll(async () => emulator.close());

  it('predicts the files within 10 % and their bytes within 20 % of the ground truth', async () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const estimate = await estimateCommand({ intercomUrl: emulator.baseUrl, token: emulator.token, allConversations: true });
      const truth = emulator.workspace.truth.attachments({ allConversations: true });
      const bytes = truth.reduce((sum, a) => sum + a.size, 0);
      expect(estimate.attachments.files! / truth.length).toBeGreaterThan(0.9);
      expect(estimate.attachments.files! / truth.length).toBeLessThan(1.1);
      expect(estimate.attachments.bytes! / bytes).toBeGreaterThan(0.8);
      expect(estimate.attachments.bytes! / bytes).toBeLessThan(1.2);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
});
