/**
 * An id-set part the platform no longer holds. Spilled parts are artifacts listed in no event, and
 * nothing promises that DevRev keeps them from one run to the next: when one is gone, the sync must
 * still finish, report no deletion of that kind (a partial set would report false ones) and say why;
 * the set of that sync's complete listing then serves the next sync, which detects deletions again.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startPipeline, type Pipeline } from './pipeline-helpers';
import { smallWorkspace } from './small-workspace';

// ~1,100 random 24-hex ids fill a part (ID_SET_INLINE_CHARS): 2,500 companies spill two.
const COMPANIES = 2_500;
const SIZE = smallWorkspace({ companies: COMPANIES, helpCenters: 1, tickets: 0 });

describe('a spilled id-set part lost by the platform between two runs', () => {
  let p: Pipeline;
  afterAll(async () => p?.close());

  it('skips the deletions of that kind for one sync, with the reason, and detects them again in the next', async () => {
    p = await startPipeline({ seed: 41, size: SIZE, edgeCases: false }, { timeoutMs: 20_000 });
    const imported = await p.run('import');
    expect({ status: imported.status, error: imported.error }).toEqual({ status: 'done', error: undefined });
    const parts: string[] = p.state().intercom.idSets.companies.parts;
    expect(parts.length).toBeGreaterThanOrEqual(1);

    // The platform loses the first part; a company is deleted in Intercom meanwhile.
    fs.rmSync(path.join(p.outDir, 'artifacts', parts[0]!));
    const ids = p.intercom.workspace.truth.ids('companies');
    const [firstGone, secondGone] = [ids[100]!, ids[2_000]!];
    p.intercom.workspace.mutate.advance(60);
    p.intercom.workspace.mutate.deleteCompany(firstGone);
    const synced = await p.run('sync');
    expect({ status: synced.status, error: synced.error }).toEqual({ status: 'done', error: undefined });
    let report = p.state().intercom.report;
    expect(report.deletions.companies).toBeUndefined();
    expect(report.deletionDetectionSkipped.companies).toContain(`no longer holds artifact ${parts[0]}`);
    expect(Object.keys(report.deletionDetectionSkipped)).toEqual(['companies']);

    p.intercom.workspace.mutate.advance(60);
    p.intercom.workspace.mutate.deleteCompany(secondGone);
    const again = await p.run('sync');
    expect({ status: again.status, error: again.error }).toEqual({ status: 'done', error: undefined });
    report = p.state().intercom.report;
    expect(report.deletionDetectionSkipped).toEqual({});
    expect(report.deletions).toEqual({ companies: { count: 1, sample: [{ id: secondGone, reason: 'absent from a complete listing' }] } });
  }, 600_000);
});
