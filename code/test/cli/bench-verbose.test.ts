/**
 * `npm run bench` at its smallest (5 conversations, no latency, no faults): the records it writes; and
 * `--verbose`, which alone lets the platform layer's log lines reach the terminal.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { createWorkspace } from '../../src/emulators/intercom/workspace';
import { REPO, runCli, tempDir } from './helpers';

jest.setTimeout(300_000);

/** Runs the bench script to its end; resolves with its exit code and output. */
function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'code/src/cli/bench.ts'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('bench', () => {
  it('writes one record per run: an import, then a sync with nothing changed that reads no file again', async () => {
    const out = path.join(tempDir('airdrop-bench-test-'), 'results.json');
    const { code, output } = await runBench(['--sizes', '5', '--latency-ms', '0', '--seed', '3', '--no-faults', '--out', out]);
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
    const records = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<Record<string, any>>;
    // The bench's workspace: seed 3, 5 conversations plus the generator's edge cases (ground truth).
    const conversations = createWorkspace({ seed: 3, size: { conversations: 5 }, edgeCases: true, fileBaseUrl: 'http://127.0.0.1:1' }).conversationIndex().length;
    expect(records.map((r) => [r.run, r.status, r.conversations])).toEqual([['import', 'done', conversations], ['no-change sync', 'done', conversations]]);
    // Run as DevRev runs the snap-in: compiled JS, not TypeScript through tsx.
    expect(records.map((r) => r.snap_in_runtime)).toEqual(['compiled', 'compiled']);
    const [imported, synced] = records;
    // No faults and Intercom's default limit: nothing refused, nothing retried.
    for (const r of records) expect([r.status_429, r.status_5xx, r.connection_resets]).toEqual([0, 0, 0]);
    expect(imported.requests).toBeGreaterThan(5); // at least one read per conversation, plus the listings
    expect(imported.downloads).toBeGreaterThan(0);
    expect(imported.floor_seconds).toBeGreaterThanOrEqual(0);
    expect(typeof imported.estimated_requests).toBe('number');
    expect(synced.downloads).toBe(0);
    expect(synced.requests).toBeLessThan(imported.requests);
    expect(synced.objects).toBeGreaterThan(5);
    expect(Object.keys(JSON.parse(synced.requests_by_route))).toContain('GET /conversations/deleted');
    // Each run says how busy the machine was, and how many API requests were in flight each second.
    for (const r of records) expect([r.cpus > 0, r.load_avg_max >= r.load_avg_mean, r.load_avg_mean >= 0]).toEqual([true, true, true]);
    // One mean per second of the API phase (here without latency, so mostly rounded to 0).
    expect(JSON.parse(imported.in_flight_by_second).length).toBeGreaterThanOrEqual(Math.floor(imported.api_seconds));
    expect(output).toMatch(/Wrote .*results\.json/);
  });
});

describe('--verbose', () => {
  let emulator: IntercomEmulator;
  beforeAll(async () => {
    emulator = await startIntercomEmulator({ seed: 2, edgeCases: false,
      size: { admins: 1, teams: 1, tags: 1, companies: 1, contacts: 2, conversations: 1, articles: 0, collections: 0, sections: 0, tickets: 0, longConversations: 0 } });
  });
  afterAll(async () => emulator.close());

  const importInto = (extra: string[]) =>
    runCli(['import', '--out', path.join(tempDir(), 'import'), '--intercom-url', emulator.baseUrl, ...extra], { env: { INTERCOM_TOKEN: emulator.token } });
  /** The platform layer's JSON log lines in some output. */
  const logLines = (text: string) => text.split('\n').filter((l) => l.startsWith('{"level":'));

  it('shows the platform layer\'s log lines, which a plain run keeps off the terminal; never the token', async () => {
    const [plain, verbose] = [await importInto([]), await importInto(['--verbose'])];
    expect([plain.code, verbose.code]).toEqual([0, 0]);
    expect(logLines(plain.stdout + plain.stderr)).toEqual([]);
    const lines = logLines(verbose.stdout + verbose.stderr).map((l) => JSON.parse(l).msg);
    expect(lines).toEqual(expect.arrayContaining(['Installed the initial domain mapping', 'Emitting event']));
    for (const run of [plain, verbose]) expect(run.stdout + run.stderr).not.toContain(emulator.token);
  });
});
