/**
 * The errors a user meets, each a one-line message, a specific exit code and nothing written:
 * wrong/expired token, wrong region, unreachable host, missing token, a full disk before the first write.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { runCli, tempDir } from './helpers';

const SECRET = 'SECRET-token-3f9c1a7be2d54d0e';

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function expectOneLine(stderr: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Error: /);
}

describe('CLI errors', () => {
  let emulator: IntercomEmulator;
  let revoked: IntercomEmulator;

  beforeAll(async () => {
    emulator = await startIntercomEmulator({ seed: 1, size: { conversations: 3 } });
    revoked = await startIntercomEmulator({ seed: 3, size: { conversations: 3 } });
    revoked.revokeToken();
  });
  afterAll(async () => {
    await emulator.close();
    await revoked.close();
  });

  it('a wrong token: exit 3, says to pass a valid token, writes nothing, never echoes it', async () => {
    const out = path.join(tempDir(), 'import');
    const r = await runCli(['import', '--out', out, '--intercom-url', emulator.baseUrl, '--token', SECRET]);
    expect(r.code).toBe(3);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/rejected the token.*--token or INTERCOM_TOKEN/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an expired (revoked) token from INTERCOM_TOKEN: exit 3', async () => {
    const r = await runCli(['estimate', '--intercom-url', revoked.baseUrl], { env: { INTERCOM_TOKEN: revoked.token } });
    expect(r.code).toBe(3);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/rejected the token \(401/);
    expect(r.stdout + r.stderr).not.toContain(revoked.token);
  });

  it('the wrong region: exit 2, names the region to use', async () => {
    const region = emulator.workspace.app.region.toLowerCase();
    const wrong = region === 'eu' ? 'au' : 'eu';
    const r = await runCli(['estimate', '--intercom-url', emulator.baseUrl, '--region', wrong, '--token', emulator.token]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain(`is hosted in region ${region.toUpperCase()}, not ${wrong.toUpperCase()}: run again with --region ${region}`);
  });

  it('an unreachable host: exit 4, names the host', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const out = path.join(tempDir(), 'import');
    const r = await runCli(['import', '--out', out, '--intercom-url', url, '--token', SECRET]);
    expect(r.code).toBe(4);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain(`Cannot reach Intercom at ${url} (ECONNREFUSED)`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('no token at all: exit 2, says where a token comes from', async () => {
    const r = await runCli(['estimate', '--intercom-url', emulator.baseUrl]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/No Intercom token: set INTERCOM_TOKEN \(or run on a terminal to be asked for it\); --token <token> works too but shows the token in the process list and the shell history/);
  });

  it.each(['import', 'sync', 'estimate'])('%s --help prefers INTERCOM_TOKEN or the hidden prompt over --token, and says why', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--token <token> +Intercom access token\. Prefer INTERCOM_TOKEN, or leave both out on a terminal to be asked for it \(hidden\): a --token value is visible in the process list and kept in the shell history\./);
  });

  it('a full disk while saving the settings: exit 5, no settings file, no run', async () => {
    const out = tempDir();
    fs.symlinkSync('/dev/full', path.join(out, 'settings.json.tmp'));
    const r = await runCli(['import', '--out', out, '--intercom-url', emulator.baseUrl, '--token', emulator.token]);
    expect(r.code).toBe(5);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/No space left on the device while writing .*settings\.json: free some disk space/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a usage mistake (unknown region) is one line and exit 2', async () => {
    const r = await runCli(['import', '--out', tempDir(), '--region', 'mars', '--token', SECRET]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining("argument 'mars' is invalid. Allowed choices are us, eu, au.")]);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('sync on a folder without an import: exit 2, says to import first', async () => {
    const out = tempDir();
    const r = await runCli(['sync', '--out', out, '--intercom-url', emulator.baseUrl, '--token', emulator.token]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`holds no import (no settings.json): run "import --out ${out}" first`);
  });
});
