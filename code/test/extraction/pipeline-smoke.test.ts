import { idsOf, sorted, startPipeline, type Pipeline } from './pipeline-helpers';

describe('pipeline smoke', () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await startPipeline({ seed: 3, size: { conversations: 10, contacts: 10, companies: 5, articles: 4 } }, { timeoutMs: 15000 });
  });
  afterAll(async () => p?.close());

  it('imports', async () => {
    const result = await p.run('import');
    if (result.status !== 'done') console.log(JSON.stringify(result, null, 2));
    expect(result.status).toBe('done');
    const truth = p.intercom.workspace.truth;
    expect(idsOf(p.items('conversations'))).toEqual(sorted(truth.ids('conversations')));
  });
});
