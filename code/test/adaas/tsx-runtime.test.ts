import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

describe('spawn from a main thread run by plain tsx', () => {
  it('loads the .ts worker and emits once', async () => {
    const { stdout } = await run(path.join(root, 'node_modules/.bin/tsx'), [path.join(__dirname, 'scripts/spawn-smoke.ts')], {
      cwd: root,
      env: { ...process.env, ADAAS_LOG_LEVEL: 'silent' },
      timeout: 50_000,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line).toBeDefined();
    expect(JSON.parse(line!.slice('RESULT '.length))).toEqual([{ type: 'DATA_EXTRACTION_DONE', counts: [3] }]);
  });
});
