/**
 * The errors a user meets, through the whole pipeline: a "Contact reference ID" the workspace does
 * not have fails the import at the metadata phase, naming the field and the known ones; a token
 * revoked in the middle of the data phase ends the run with a message to fix the connection, and no
 * token in it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startPipeline, type Pipeline } from './pipeline-helpers';

const SIZE = { admins: 2, teams: 1, tags: 2, companies: 2, contacts: 4, conversations: 6, articles: 2, collections: 1, sections: 0,
  helpCenters: 1, maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 0 };

describe('pipeline errors', () => {
  let p: Pipeline;
  afterEach(async () => p?.close());

  it('an unknown contact reference field stops the import before any data, naming the field and the known ones', async () => {
    p = await startPipeline({ seed: 4, size: SIZE }, { timeoutMs: 8000 });
    const result = await p.run('import', { contact_reference_field: 'no_such_attribute' });
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/METADATA_EXTRACTION_ERROR/);
    expect(result.error).toMatch(/"no_such_attribute"/);
    expect(result.error).toMatch(/Known custom contact attributes: "/);
    expect(result.phases.map((ph) => ph.phase)).not.toContain('data');
  });

  it('a token revoked during the data phase ends the run with a message to fix the connection', async () => {
    p = await startPipeline({ seed: 5, size: SIZE, faults: { revokeTokenAfter: 25 } }, { timeoutMs: 8000 });
    const result = await p.run('import');
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/DATA_EXTRACTION_ERROR/);
    expect(result.error).toMatch(/Fix the Intercom connection/);
    expect(result.error).not.toContain(p.intercom.token);
    for (const file of fs.readdirSync(p.outDir, { recursive: true }) as string[]) {
      const full = path.join(p.outDir, file);
      if (fs.statSync(full).isFile()) expect({ file, leaked: fs.readFileSync(full).includes(p.intercom.token) }).toEqual({ file, leaked: false });
    }
  });

});
