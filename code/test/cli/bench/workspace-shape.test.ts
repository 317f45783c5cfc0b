/**
 * The bench imports a workspace in issue 11's reference shape (3,000 conversations with about 52,000
 * parts, 4,000 contacts and 3,000 files: per conversation 17 parts, 1.33 contacts, 1 file), the
 * generator's file sizes kept; the generator's defaults are unchanged for everyone else.
 */
import { referenceShapeOptions } from '../../../src/cli/bench/workspace-shape';
import { createWorkspace } from '../../../src/emulators/intercom/workspace';

const fileBaseUrl = 'http://127.0.0.1:1';

function shapeOf(options: Omit<Parameters<typeof createWorkspace>[0], 'fileBaseUrl'>) {
  const ws = createWorkspace({ fileBaseUrl, ...options });
  const conversations = ws.conversationIndex();
  let parts = 0;
  for (const { id } of conversations) parts += ((ws.conversation(id, { withParts: true })!.conversation_parts as { total_count: number }).total_count);
  const files = ws.truth.attachments({ allConversations: true }).filter((a) => a.owner.type !== 'article');
  return {
    conversations: conversations.length,
    parts,
    contacts: ws.truth.ids('contacts').length,
    files: files.length,
    meanFileKb: files.reduce((n, f) => n + f.size, 0) / files.length / 1024,
  };
}

describe("the bench's workspace shape", () => {
  it('has, for 600 conversations, about 10,200 parts, 800 contacts and 600 files of the usual sizes', () => {
    const shape = shapeOf({ seed: 11, ...referenceShapeOptions(600) });
    expect(shape.conversations).toBe(600);
    expect(shape.contacts).toBe(800);
    // 17 per conversation, plus the one long conversation (501 to 651 parts): 0.8 to 1.1 more each.
    expect(shape.parts).toBeGreaterThan(600 * 16);
    expect(shape.parts).toBeLessThan(600 * 19.5);
    expect(shape.files).toBeGreaterThan(600 * 0.8);
    expect(shape.files).toBeLessThan(600 * 1.2);
    // The generator's sizes: 8 % tiny, 55 % up to 60 KB, 30 % up to 600 KB, 7 % 1-4 MB; images 4-200 KB: ~240 KB mean.
    expect(shape.meanFileKb).toBeGreaterThan(170);
    expect(shape.meanFileKb).toBeLessThan(320);
  }, 120_000);

  it('leaves the default workspace as it was: no fileShare and fileShare 1 draw the same files', () => {
    const size = { conversations: 40 };
    expect(shapeOf({ seed: 3, size, fileShare: 1 })).toEqual(shapeOf({ seed: 3, size }));
  }, 60_000);

  it('keeps fewer files at a lower fileShare, none of the random ones at 0', () => {
    const size = { conversations: 80 };
    const all = shapeOf({ seed: 5, size }).files;
    const none = shapeOf({ seed: 5, size, fileShare: 0 }).files;
    expect(all).toBeGreaterThan(150);
    // Only the edge cases' own files remain (the nasty source's, the tagged one's, the scripted parts').
    expect(none).toBeLessThan(40);
  }, 60_000);

  it.each([[-0.1], [1.5], [Number.NaN], ['half' as unknown as number]])('refuses fileShare %p, naming it', (fileShare) => {
    expect(() => createWorkspace({ seed: 1, fileBaseUrl, fileShare })).toThrow(/fileShare must be between 0 and 1/);
  });
});
