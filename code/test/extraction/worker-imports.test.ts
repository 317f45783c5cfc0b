/**
 * Each phase starts a worker thread that loads its modules anew: the external sync units worker
 * (one `/me`) must not load what only normalizing needs (turndown, the HTML parser).
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const WORKER = path.join(__dirname, '../../src/extraction/workers/external-sync-units.ts');

it('the external sync units worker does not load the HTML-to-markdown converters', () => {
  // Required on a main thread, processTask returns at once: only the module graph loads.
  const loaded = execFileSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e',
    `require(${JSON.stringify(WORKER)}); console.log(JSON.stringify(Object.keys(require.cache)))`], { encoding: 'utf8' });
  const packages = (JSON.parse(loaded) as string[]).filter((f) => /node_modules\/(turndown|node-html-parser)\//.test(f));
  expect(packages).toEqual([]);
});
