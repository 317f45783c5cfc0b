/**
 * The attachments phase's DELAY and ERROR through the real worker and the platform emulator. The
 * changes happen on the platform's event that the data phase answered DONE, never on a timer.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { RunProgress } from '../../src/emulators/airdrop';
import { attachmentIdOf } from './pipeline-expected';
import { pushedMoreThanOnce, sorted, startPipeline, type Pipeline } from './pipeline-helpers';

const SIZE = { admins: 2, teams: 1, tags: 2, companies: 2, contacts: 4, conversations: 5, articles: 2, collections: 1, sections: 0,
  helpCenters: 1, maxPartsPerConversation: 3, longConversations: 0, deletedConversations: 0, tickets: 1 };
const ALL = { import_all_conversations: 'true' };
jest.setTimeout(240_000);

const onDataDone = (act: () => void) => (p: RunProgress) => {
  if (p.type === 'invocation' && p.reply === 'DATA_EXTRACTION_DONE') act();
};

describe('attachments phase', () => {
  let p: Pipeline;
  afterEach(async () => p?.close());

  it('a rate limit it cannot wait out while refreshing expired URLs → ATTACHMENT_EXTRACTION_DELAYED, then every file once', async () => {
    // An invocation stops 4 s in; 1 request per 10 s cannot refresh the parents of the 4 files (2 articles,
    // a ticket twice) in one, and the first refresh finds the workspace's budget spent by other apps (a 429).
    p = await startPipeline({ seed: 41, size: SIZE, edgeCases: false }, { timeoutMs: 8000 });
    const result = await p.run('import', ALL, {
      onProgress: onDataDone(() => {
        p.intercom.workspace.mutate.advance(3 * 60 * 60); // every signed URL the data phase listed has expired (they live 1 h)
        p.intercom.setRateLimit({ appPer10s: 1, workspacePer10s: 1 });
        p.intercom.setFaults({ routes: ['GET /articles/:id', 'GET /tickets/:id'], workspaceBudgetSpentResponses: 1 });
      }),
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('done');
    const attachments = result.phases.find((ph) => ph.phase === 'attachments')!;
    expect(attachments.delays).toBeGreaterThan(0);
    expect(p.intercom.metrics().rateLimited).toBeGreaterThan(0);

    // Nothing lost, nothing twice, byte for byte.
    const truth = p.intercom.workspace.truth.attachments({ allConversations: true });
    expect(truth.length).toBeGreaterThan(2);
    const dir = path.join(p.outDir, 'attachments');
    expect(sorted(fs.readdirSync(dir))).toEqual(sorted(new Set(truth.map(attachmentIdOf))));
    for (const a of truth) {
      const sha256 = createHash('sha256').update(fs.readFileSync(path.join(dir, attachmentIdOf(a)))).digest('hex');
      expect({ id: attachmentIdOf(a), sha256 }).toEqual({ id: attachmentIdOf(a), sha256: a.sha256 });
    }
    expect(pushedMoreThanOnce(p.pushCounts(result.runId).get('ssor_attachment'))).toEqual([]);
  });

  it('the platform losing the list of attachments → ATTACHMENT_EXTRACTION_ERROR naming the artifact; the next call finishes the run', async () => {
    p = await startPipeline({ seed: 42, size: SIZE, edgeCases: false }, { timeoutMs: 20_000 });
    const aside = path.join(p.outDir, 'aside');
    const moved: string[] = [];
    let listing: string | undefined;
    const result = await p.run('import', ALL, {
      onProgress: (progress) => {
        if (progress.type === 'artifact' && progress.artifact?.itemType === 'attachments') listing = progress.artifact.id;
        onDataDone(() => {
          fs.mkdirSync(aside);
          fs.renameSync(p.airdrop.layout.artifactFile(listing!), path.join(aside, 'listing'));
          moved.push(listing!);
        })(progress);
      },
    });
    expect(moved).toHaveLength(1);
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/ATTACHMENT_EXTRACTION_ERROR/);
    expect(result.error).toContain(moved[0]);
    const stored = path.join(p.outDir, 'attachments');
    expect(fs.existsSync(stored) ? fs.readdirSync(stored) : []).toEqual([]);

    fs.renameSync(path.join(aside, 'listing'), p.airdrop.layout.artifactFile(moved[0]));
    const again = await p.run('import', ALL);
    expect(again.error).toBeUndefined();
    expect(again.status).toBe('done');
    const truth = p.intercom.workspace.truth.attachments({ allConversations: true });
    expect(sorted(fs.readdirSync(path.join(p.outDir, 'attachments')))).toEqual(sorted(new Set(truth.map(attachmentIdOf))));
  });
});
