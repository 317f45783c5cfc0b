/**
 * A token revoked in the middle of an import: the run stops with a one-line message and exit 3, the report
 * says what happened, and an import with a new token (OAuth, same workspace) completes the store.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import axios from 'axios';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { filesUnder, readMaybeGzip, runCli, tempDir } from './helpers';

/** A second token for the same workspace through the emulated OAuth flow. */
async function oauthToken(emulator: IntercomEmulator): Promise<string> {
  const authorize = await axios.get(`${emulator.baseUrl}/oauth`, {
    params: { client_id: 'emulator-client', redirect_uri: 'https://example.invalid/cb', state: 's1' },
    maxRedirects: 0,
    validateStatus: (s) => s >= 300 && s < 400,
  });
  const code = new URL(String(authorize.headers.location)).searchParams.get('code');
  const exchange = await axios.post(`${emulator.baseUrl}/auth/eagle/token`, {
    code,
    client_id: 'emulator-client',
    client_secret: 'emulator-secret',
  });
  return String(exchange.data.access_token);
}

function ids(dir: string, itemType: string): string[] {
  const file = path.join(dir, 'items', `${itemType}.jsonl`);
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id).sort();
}

describe('token revoked during an import', () => {
  let emulator: IntercomEmulator;

  beforeAll(async () => {
    emulator = await startIntercomEmulator({ seed: 9, size: { conversations: 6 }, faults: { revokeTokenAfter: 20 } });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('stops with exit 3, reports it, and a new token finishes the import', async () => {
    const outDir = path.join(tempDir(), 'out');
    const args = ['import', '--out', outDir, '--intercom-url', emulator.baseUrl, '--all-conversations'];
    const first = await runCli(args, { env: { INTERCOM_TOKEN: emulator.token } });
    expect(first.code).toBe(3);
    const errorLines = first.stderr.split('\n').filter((l) => l.startsWith('Error: '));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/Intercom rejected the token.*--token or INTERCOM_TOKEN.*run the same command again to resume/);
    const report = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8'));
    expect(report.runs.map((r: { status: string }) => r.status)).toEqual(['error']);
    expect(report.problems[0].kind).toBe('run_failed');

    const fresh = await oauthToken(emulator);
    const second = await runCli(args, { env: { INTERCOM_TOKEN: fresh } });
    expect({ code: second.code, stderr: second.stderr }).toEqual({ code: 0, stderr: '' });
    expect(ids(outDir, 'conversations')).toEqual(emulator.workspace.truth.ids('conversations', { allConversations: true }).sort());
    expect(ids(outDir, 'contacts')).toEqual(emulator.workspace.truth.ids('contacts').sort());

    for (const token of [emulator.token, fresh]) {
      expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(token);
      for (const file of filesUnder(outDir)) expect({ file, found: readMaybeGzip(file).includes(token) }).toEqual({ file, found: false });
    }
  });
});
