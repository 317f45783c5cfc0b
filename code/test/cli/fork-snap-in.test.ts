/** The bench's and chaos run's snap-in processes get the token in their environment, never in their argv (readable with `ps`). */
import * as fs from 'node:fs';
import { forkSnapIn } from '../../src/cli/bench/fork-snap-in';

it('keeps the token out of the child process\'s command line', async () => {
  const token = 'tok-never-in-argv-5d1c';
  // An unreachable Intercom: the child fails its preflight; we only need it alive long enough to read its command line.
  const child = forkSnapIn({ kind: 'import', baseUrl: 'http://127.0.0.1:9', token, outDir: '/nonexistent' }, ['--import', 'tsx']);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const cmdline = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
  expect(child.spawnargs.join(' ')).not.toContain(token);
  expect(cmdline).not.toContain(token);
  expect(cmdline).toContain('snap-in-process.ts');
  child.kill('SIGKILL');
  await exited;
});
