/**
 * A crash (SIGKILL, no chance to clean up) in the middle of the data phase, on an emulator event: running the same import again
 * resumes it and ends with exactly the workspace in the store.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { runCli, tempDir } from './helpers';

function ids(dir: string, itemType: string): string[] {
  const file = path.join(dir, 'items', `${itemType}.jsonl`);
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id).sort();
}

/** An import here takes about 30 s alone and several times that on a loaded 2-core machine. */
const SLOW_MACHINE_MS = 300_000;

describe('crash and resume', () => {
  let emulator: IntercomEmulator;

  beforeAll(async () => {
    // The killed process may leave a companies scroll open; Intercom blocks a new one until it has been idle for a
    // minute (the connector waits that out with DELAY). A 3-second idle expiry keeps the test short.
    emulator = await startIntercomEmulator({ seed: 12, size: { conversations: 20 }, scrollIdleMs: 3000 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('an import killed during the data phase resumes to the full store', async () => {
    const outDir = path.join(tempDir(), 'out');
    const args = ['import', '--out', outDir, '--intercom-url', emulator.baseUrl, '--all-conversations'];
    // The kill lands on an event, never on a clock: the emulator has answered the fifth conversation fetch
    // (only the data phase fetches single conversations; metadata has been sent, attachments have not begun).
    let child: { kill(signal: NodeJS.Signals): boolean } | undefined;
    let fetched = 0;
    let killed = false;
    const unsubscribe = emulator.onRequest((entry) => {
      if (entry.route !== 'GET /conversations/:id' || entry.status !== 200 || killed) return;
      fetched += 1;
      if (fetched === 5 && child) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    const crashed = await runCli(args, {
      timeoutMs: SLOW_MACHINE_MS / 2 - 10_000,
      env: { INTERCOM_TOKEN: emulator.token },
      onSpawn: (c) => {
        child = c;
      },
    }).finally(unsubscribe);
    expect(emulator.requestLog().some((e) => e.route.startsWith('GET /downloads'))).toBe(false);
    expect(killed).toBe(true);
    expect(crashed.signal).toBe('SIGKILL');
    expect(fs.existsSync(path.join(outDir, 'runs.jsonl'))).toBe(false);
    const position = JSON.parse(fs.readFileSync(path.join(outDir, 'platform.json'), 'utf8'));
    expect(position.current).toMatchObject({ kind: 'import', phase: 'data' });

    const resumed = await runCli(args, { env: { INTERCOM_TOKEN: emulator.token }, timeoutMs: SLOW_MACHINE_MS / 2 - 10_000 });
    expect({ code: resumed.code, stderr: resumed.stderr }).toEqual({ code: 0, stderr: '' });
    const runs = fs.readFileSync(path.join(outDir, 'runs.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(runs.map((r: { kind: string; status: string }) => [r.kind, r.status])).toEqual([['import', 'done']]);
    const truth = emulator.workspace.truth;
    expect(ids(outDir, 'conversations')).toEqual(truth.ids('conversations', { allConversations: true }).sort());
    expect(ids(outDir, 'contacts')).toEqual(truth.ids('contacts').sort());
    expect(ids(outDir, 'companies')).toEqual(truth.ids('companies').sort());
  }, SLOW_MACHINE_MS);
});
