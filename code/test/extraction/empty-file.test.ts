/**
 * An empty file (0 bytes) is an attachment like any other: it arrives with its 0 bytes and is not
 * reported as skipped, although the platform layer (like the official SDK) refuses to ask for an
 * upload of size 0.
 */
import * as fs from 'fs';
import * as path from 'path';
import { attachmentIdOf } from './pipeline-expected';
import { startPipeline, type Pipeline } from './pipeline-helpers';

const SIZE = { admins: 2, teams: 1, tags: 3, companies: 3, contacts: 6, conversations: 12, articles: 2, collections: 1, sections: 0,
  helpCenters: 1, maxPartsPerConversation: 3, longConversations: 1, deletedConversations: 0, tickets: 0 };

describe('empty files', () => {
  let p: Pipeline;
  afterEach(async () => p?.close());

  it('a 0-byte attachment arrives with its 0 bytes and is not reported as skipped', async () => {
    p = await startPipeline({ seed: 14, size: SIZE, edgeCases: true }, { timeoutMs: 20_000 });
    const empty = p.intercom.workspace.truth.attachments({ allConversations: true }).filter((a) => a.size === 0);
    expect(empty.map((a) => a.name)).toEqual(['empty.txt']); // the generator's edge case
    const result = await p.run('import', { import_all_conversations: 'true' });
    expect({ status: result.status, error: result.error }).toEqual({ status: 'done', error: undefined });
    const id = attachmentIdOf(empty[0]);
    const file = path.join(p.outDir, 'attachments', id);
    expect(fs.existsSync(file) ? fs.statSync(file).size : 'missing').toBe(0);
    const skipped = p.state().intercom.report.items.attachments?.skipped;
    expect(skipped?.count ?? 0).toBe(0);
  }, 300_000);
});
