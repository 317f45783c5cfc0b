/**
 * import → (Ctrl-C, resume) → sync → report → another workspace refused → delete, each as the CLI a user
 * runs, against the Intercom emulator, through the real snap-in functions and the platform emulator.
 * The token never appears in any output or in any file written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startIntercomEmulator, type IntercomEmulator } from '../../src/emulators/intercom';
import { CliError } from '../../src/cli/cli-error';
import { deleteCommand } from '../../src/cli/commands/delete';
import { reportCommand } from '../../src/cli/commands/report';
import { syncCommand } from '../../src/cli/commands/sync';
import { filesUnder, readMaybeGzip, runCli, tempDir, type CliRun } from './helpers';

/** Collects what is written to stdout until `restore()`. */
function captureStdout(): { restore(): string } {
  let text = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return {
    restore() {
      spy.mockRestore();
      return text;
    },
  };
}

function storeIds(dir: string, itemType: string): string[] {
  const file = path.join(dir, 'items', `${itemType}.jsonl`);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { id: string }).id)
    .sort();
}

function runLines(dir: string): Array<{ kind: string; runId: string; status: string }> {
  const file = path.join(dir, 'runs.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

describe('import, resume, sync, report, delete', () => {
  let emulator: IntercomEmulator;
  const outDir = path.join(tempDir(), 'out');
  const outputs: CliRun[] = [];
  const env = () => ({ INTERCOM_TOKEN: emulator.token });

  beforeAll(async () => {
    emulator = await startIntercomEmulator({ seed: 7, size: { conversations: 8 } });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('an import stopped with Ctrl-C leaves a consistent folder and resumes to the full store', async () => {
    let signalled = false;
    const stopped = await runCli(['import', '--out', outDir, '--intercom-url', emulator.baseUrl, '--all-conversations'], {
      env: env(),
      onOutput: (text, child) => {
        // Stop as soon as the metadata phase is through: the data phase has not started yet.
        if (!signalled && text.includes('[import] metadata')) {
          signalled = true;
          child.kill('SIGINT');
        }
      },
    });
    outputs.push(stopped);
    expect(signalled).toBe(true);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`Run "npm run airdrop -- import --out ${outDir}" again to resume`);
    expect(runLines(outDir)).toEqual([]); // the run did not finish
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'settings.json'), 'utf8'))).not.toHaveProperty('token');

    const resumed = await runCli(['import', '--out', outDir, '--intercom-url', emulator.baseUrl, '--all-conversations'], { env: env() });
    outputs.push(resumed);
    expect(resumed.code).toBe(0);
    const runs = runLines(outDir);
    expect(runs.map((r) => [r.kind, r.status])).toEqual([['import', 'done']]);
    // Nothing lost, nothing twice: the store holds exactly the workspace.
    const truth = emulator.workspace.truth;
    expect(storeIds(outDir, 'conversations')).toEqual(truth.ids('conversations', { allConversations: true }).sort());
    expect(storeIds(outDir, 'contacts')).toEqual(truth.ids('contacts').sort());
    const report = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8'));
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0].itemTypes.find((r: { itemType: string }) => r.itemType === 'conversations').extracted).toBe(
      truth.ids('conversations', { allConversations: true }).length,
    );
    expect(report.audit.checked).toBeGreaterThan(0);
  });

  it('a sync brings the changes and adds a run to the report', async () => {
    const changes = emulator.workspace.mutate.applyRandomChanges({ seed: 3, count: 8 });
    const sync = await runCli(['sync', '--out', outDir], { env: env() });
    outputs.push(sync);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/^sync .*: done/m);
    expect(storeIds(outDir, 'conversations')).toEqual(
      expect.arrayContaining(changes.conversations.created.concat(changes.conversations.updated)),
    );
    const report = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8'));
    expect(report.runs.map((r: { kind: string }) => r.kind)).toEqual(['import', 'sync']);
  });

  // The next two call the commands in-process (same code as the CLI, without a child's start-up time).
  it('`report` writes the same runs again', async () => {
    const printed = captureStdout();
    try {
      await reportCommand({ out: outDir });
    } finally {
      outputs.push({ code: 0, signal: null, stdout: printed.restore(), stderr: '' });
    }
    const report = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8'));
    expect(report.runs.map((x: { runId: string }) => x.runId)).toEqual(runLines(outDir).map((x) => x.runId));
  });

  it('refuses a token of another workspace for this folder (exit 6), changing nothing', async () => {
    const other = await startIntercomEmulator({ seed: 8, size: { conversations: 2 } });
    try {
      const before = fs.readFileSync(path.join(outDir, 'state.json'), 'utf8');
      const error = await syncCommand({ out: outDir, intercomUrl: other.baseUrl, token: other.token }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(6);
      expect((error as CliError).message).toContain(
        `holds an import of workspace "${emulator.workspace.app.name}" (${emulator.workspace.app.id_code})`,
      );
      expect((error as CliError).message).not.toContain(other.token);
      expect(fs.readFileSync(path.join(outDir, 'state.json'), 'utf8')).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('`delete` runs the delete phase', async () => {
    const printed = captureStdout();
    try {
      await deleteCommand({ out: outDir, token: emulator.token });
    } finally {
      outputs.push({ code: 0, signal: null, stdout: printed.restore(), stderr: '' });
    }
    expect(runLines(outDir).map((x) => [x.kind, x.status])).toEqual([['import', 'done'], ['sync', 'done'], ['delete', 'done']]);
  });

  it('the token appears in no output and no file written', () => {
    const token = emulator.token;
    for (const o of outputs) expect(o.stdout + o.stderr).not.toContain(token);
    const files = filesUnder(outDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const bytes = readMaybeGzip(file);
      expect({ file, found: bytes.includes(token) }).toEqual({ file, found: false });
    }
  });
});
