/**
 * Deletion detection at any size: 12,000 companies (random 24-hex ids) encode to more than the
 * 200,000 characters a set may take in the state, which used to drop the set ("too many objects").
 * Through both emulators and the snap-in's functions: the set is spilled into platform artifacts,
 * the state stays small, a company deleted before the sync is reported, and no artifact the state
 * names counts as lost.
 */
import { startPipeline, type Pipeline } from './pipeline-helpers';
import { smallWorkspace } from './small-workspace';

const COMPANIES = 12_000;
const SIZE = smallWorkspace({ companies: COMPANIES, helpCenters: 1, tickets: 0 });

describe('an id set larger than the state can hold', () => {
  let p: Pipeline;
  afterAll(async () => p?.close());

  it(`still finds the deleted one of ${COMPANIES} companies, with a state under 100 KB`, async () => {
    p = await startPipeline({ seed: 31, size: SIZE, edgeCases: false }, { timeoutMs: 20_000 });
    const imported = await p.run('import');
    expect({ status: imported.status, error: imported.error, warnings: imported.warnings }).toEqual({ status: 'done', error: undefined, warnings: undefined });
    expect(p.items('companies')).toHaveLength(COMPANIES);

    const gone = p.intercom.workspace.truth.ids('companies')[11_111]!;
    p.intercom.workspace.mutate.advance(60);
    p.intercom.workspace.mutate.deleteCompany(gone);
    const synced = await p.run('sync');
    expect({ status: synced.status, error: synced.error, warnings: synced.warnings }).toEqual({ status: 'done', error: undefined, warnings: undefined });

    const state = p.state().intercom;
    expect(state.report.deletionDetectionSkipped).toEqual({});
    expect(state.report.deletions).toEqual({ companies: { count: 1, sample: [{ id: gone, reason: 'absent from a complete listing' }] } });
    expect(state.idSets.companies.parts.length).toBeGreaterThan(1); // spilled, not kept inline
    expect(JSON.stringify(p.state()).length).toBeLessThan(100_000);
    console.log(`state ${JSON.stringify(p.state()).length} chars; companies id set: ${state.idSets.companies.parts.length} artifacts + ${state.idSets.companies.tail.length} chars`);
  }, 900_000);
});
