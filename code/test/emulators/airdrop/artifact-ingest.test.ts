/** Filing attachment bytes: nothing a run keeps per file grows in memory, nor is any file stored twice. */
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { ArtifactIngest } from '../../../src/emulators/airdrop/artifact-ingest';
import { ArtifactStore } from '../../../src/emulators/airdrop/artifact-store';
import { ItemStore } from '../../../src/emulators/airdrop/item-store';
import { OutputLayout } from '../../../src/emulators/airdrop/layout';
import { tempDir } from './helpers/setup';

describe('artifact ingest of ssor_attachment records', () => {
  let layout: OutputLayout;
  let artifacts: ArtifactStore;
  let ingest: ArtifactIngest;

  beforeEach(() => {
    layout = new OutputLayout(tempDir());
    layout.ensure();
    artifacts = new ArtifactStore(layout);
    ingest = new ArtifactIngest(layout, artifacts, new ItemStore(layout));
  });

  const upload = async (fileName: string, bytes: Buffer) => {
    const record = artifacts.prepare({ fileName, fileType: 'application/octet-stream', requestId: 'req-1' });
    await artifacts.receive(record.id, Readable.from([bytes]));
    await artifacts.confirm(record.id);
    return record.id;
  };

  const fileOnce = async (external: string, bytes: Buffer) => {
    const file = await upload(`${external}.bin`, bytes);
    const line = { id: { devrev: file, external }, parent_id: { external: 'conv-1' } };
    const ssor = await upload('ssor_attachment.jsonl.gz', gzipSync(`${JSON.stringify(line)}\n`));
    const result = ingest.ingest({ id: ssor, item_type: 'ssor_attachment', item_count: 1 } as never);
    return { file, ssor, result };
  };

  it('links the bytes under the external id (one copy on disk) and forgets the file artifact it reported', async () => {
    const { file, ssor, result } = await fileOnce('att-1', Buffer.from('first bytes'));

    expect(result).toEqual({ kind: 'attachments', received: 1, bytes: 11, ids: ['att-1'] });
    expect(fs.readFileSync(layout.attachmentFile('att-1'), 'utf8')).toBe('first bytes');
    expect(fs.statSync(layout.attachmentFile('att-1')).ino).toBe(fs.statSync(layout.artifactFile(file)).ino);
    // Reported, so the platform keeps no record of it (one per file would grow with the workspace);
    // the ssor artifact itself stays until an event lists it.
    expect(artifacts.get(file)).toBeUndefined();
    expect(artifacts.exists(file)).toBe(true);
    expect(artifacts.uploadedSince(0).map((r) => r.id)).toEqual([ssor]);
  });

  it('a file sent again for the same id replaces the bytes filed before', async () => {
    const first = await fileOnce('att-2', Buffer.from('old'));
    await fileOnce('att-2', Buffer.from('newer'));

    expect(fs.readFileSync(layout.attachmentFile('att-2'), 'utf8')).toBe('newer');
    expect(fs.readFileSync(layout.artifactFile(first.file), 'utf8')).toBe('old');
  });
});
