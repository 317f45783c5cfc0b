/**
 * The attachments phase's stream function against the Intercom emulator: bytes arrive intact, an
 * expired signed URL is refreshed from its parent, a foreign host is never contacted.
 */
import { createHash } from 'crypto';
import type { Readable } from 'stream';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { IntercomClient } from '../../src/intercom';
import { kindOf } from '../../src/kinds';
import { streamFunction } from '../../src/extraction/attachment-stream';
import { initialConnectorState } from '../../src/extraction/state';
import type { NormalizedAttachment } from '../../src/adaas';
import { partAttachmentId, inlineFileId } from '../../src/normalize';
import { attachmentIdOf } from './pipeline-expected';

/** These files are never empty: an upload of an empty one would be a bug here. */
const noEmptyFiles = async (): Promise<void> => {
  throw new Error('unexpected empty file');
};

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('attachment stream function', () => {
  let emu: IntercomEmulator;
  let client: IntercomClient;
  const ctx = { appId: 'app', observedAt: '2026-01-01T00:00:00.000Z' };
  beforeAll(async () => {
    emu = await startIntercomEmulator({ seed: 8, size: { conversations: 12, articles: 4, longConversations: 0 } });
    client = new IntercomClient({ token: emu.token, baseUrl: emu.baseUrl, local: true, localFileHosts: [new URL(emu.baseUrl).host], backoff: { baseMs: 10, capMs: 50 } });
  });
  afterAll(async () => emu.close());

  /** The attachment as the data phase would have listed it, and its ground truth. */
  async function listedAttachment(kind: 'attachment' | 'article') {
    const truth = emu.workspace.truth.attachments({ allConversations: true })
      .find((a) => (kind === 'article' ? a.owner.type === 'article' : a.owner.type === 'part' && a.kind === 'attachment'))!;
    let item: NormalizedAttachment | undefined;
    if (kind === 'article') {
      const article = emu.workspace.article(truth.owner.id, { withStatistics: false })!;
      const id = inlineFileId({ kind: 'article', id: truth.owner.id }, truth.kind === 'linked_file' ? 'file' : 'img', truth.url);
      item = kindOf('articles')!.normalize(article, ctx).attachments.find((a) => a.id === id);
    } else {
      const conversations = kindOf('conversations')!;
      const conv = await conversations.fetchDetail!(client, { id: truth.owner.conversationId! });
      item = conversations.normalize(conv, ctx).attachments.find((a) => a.id === partAttachmentId(truth.owner.id, truth.index ?? 0));
    }
    expect(item).toBeDefined();
    return { item: item!, truth };
  }

  it.each(['attachment', 'article'] as const)('streams a %s file byte for byte', async (kind) => {
    const { item, truth } = await listedAttachment(kind);
    const state = initialConnectorState();
    const result = await streamFunction(client, state, noEmptyFiles)({ item, event: {} as never });
    expect(result.error).toBeUndefined();
    expect(await sha256Of((result.httpStream as unknown as { data: Readable }).data)).toBe(truth.sha256);
  });

  it.each(['attachment', 'article'] as const)('refreshes an expired %s URL by re-reading its parent', async (kind) => {
    const { item, truth } = await listedAttachment(kind);
    emu.workspace.mutate.advance(3 * 60 * 60); // signed URLs live one hour
    const before = emu.requestLog().length;
    const result = await streamFunction(client, initialConnectorState(), noEmptyFiles)({ item, event: {} as never });
    expect(result.error).toBeUndefined();
    expect(await sha256Of((result.httpStream as unknown as { data: Readable }).data)).toBe(truth.sha256);
    const statuses = emu.requestLog().slice(before).map((e) => `${e.status} ${e.route}`);
    expect(statuses[0]).toMatch(/^403 /); // the old URL was refused, then the parent was read again
    expect(statuses.length).toBeGreaterThanOrEqual(3);
  });

  it('never contacts a host that is not Intercom\'s or the configured one, and reports the file as skipped', async () => {
    const { item } = await listedAttachment('attachment');
    const state = initialConnectorState();
    const before = emu.requestLog().length;
    const result = await streamFunction(client, state, noEmptyFiles)({ item: { ...item, url: 'https://evil.example.com/a.png' }, event: {} as never });
    expect(result.error?.message).toMatch(new RegExp(item.id));
    expect(emu.requestLog().length).toBe(before);
    expect(state.report.items.attachments?.skipped.count).toBe(1);
  });

  it('uploads an empty file itself, says so in an info line, and tells the platform layer only that nothing is left to upload', async () => {
    const truth = emu.workspace.truth.attachments({ allConversations: true }).find((a) => a.size === 0)!;
    expect(truth?.name).toBe('empty.txt'); // the generator's empty file
    const conversations = kindOf('conversations')!;
    const conv = await conversations.fetchDetail!(client, { id: truth.owner.conversationId! });
    const item = conversations.normalize(conv, ctx).attachments.find((a) => a.id === attachmentIdOf(truth))!;
    const uploaded: string[] = [];
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const result = await streamFunction(client, initialConnectorState(), async (i) => { uploaded.push(i.id); })({ item, event: {} as never });
      expect(uploaded).toEqual([item.id]);
      expect(info.mock.calls.map((c) => String(c[0]))).toEqual([`Empty file ${item.id} (empty.txt) of ${item.parent_id} uploaded: 0 bytes.`]);
      expect(warn).not.toHaveBeenCalled();
      // The layer logs this answer as "skipping" the attachment: it must not also say the file failed or is not skipped.
      expect(result.error?.message).toBe(`Attachment ${item.id} (empty.txt) is empty (0 bytes) and the connector uploaded it already: nothing is left for the platform layer to upload.`);
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
  });
});
