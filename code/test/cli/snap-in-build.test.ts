/**
 * The bench's snap-in process runs from the compiled build (as DevRev runs the snap-in), without tsx:
 * its entry is a .js file of the build, and it runs as plain Node.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSnapIn, ROOT } from '../../src/cli/bench/snap-in-build';
import { forkSnapIn } from '../../src/cli/bench/fork-snap-in';

jest.setTimeout(240_000);

let outDir: string;
beforeAll(() => {
  // Inside the project (its git-ignored tmp/), where the compiled files find node_modules.
  fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  outDir = fs.mkdtempSync(path.join(ROOT, 'tmp', 'snap-in-build-'));
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

it('compiles the snap-in and runs its process from the .js build without tsx', async () => {
  const entry = buildSnapIn(outDir);
  expect(entry).toBe(path.join(outDir, 'cli', 'bench', 'snap-in-process.js'));
  // Its workers are compiled beside it: the snap-in hands spawn .js files.
  expect(fs.existsSync(path.join(outDir, 'extraction', 'workers', 'data.js'))).toBe(true);

  // An unreachable Intercom: the process loads, fails its preflight and reports that as its JSON line.
  const child = forkSnapIn({ kind: 'import', baseUrl: 'http://127.0.0.1:9', token: 'tok', outDir: path.join(outDir, 'run') }, [], {}, entry);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  expect(child.spawnargs.join(' ')).not.toMatch(/tsx/);
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as { status: string; error?: string };
  expect(result.status).toBe('error');
  expect(result.error).toMatch(/ECONNREFUSED|127\.0\.0\.1:9/);
});
