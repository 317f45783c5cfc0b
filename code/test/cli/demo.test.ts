/**
 * `demo` end to end as `npm start` runs it: both emulators on loopback, import, changes, sync, summary,
 * report; exit 0. The import's counts equal the generated workspace (rebuilt here from the same seed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkspace } from '../../src/emulators/intercom/workspace';
import type { Report } from '../../src/cli/report/model';
import { runCli, tempDir, withPage } from './helpers';

const CONVERSATIONS = 60;
// About 30 s alone; a shared 2-core machine under load can take several times that.
const SLOW_MACHINE_MS = 400_000;

describe('demo', () => {
  it('imports, syncs and reports a generated workspace, exit 0', async () => {
    const outDir = path.join(tempDir(), 'demo');
    const r = await runCli(['demo', '--out', outDir, '--conversations', String(CONVERSATIONS), '--seed', '4'], { timeoutMs: SLOW_MACHINE_MS - 20_000 });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Report: ${path.join(outDir, 'report.html')}`);
    expect(r.stdout).toMatch(/Changed the workspace: conversations \+\d+/);

    const report = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8')) as Report;
    expect(report.runs.map((run) => [run.kind, run.status])).toEqual([['import', 'done'], ['sync', 'done']]);
    const truth = createWorkspace({ seed: 4, size: { conversations: CONVERSATIONS }, fileBaseUrl: 'http://127.0.0.1:1' }).truth;
    const imported = Object.fromEntries(report.runs[0].itemTypes.map((row) => [row.itemType, row.extracted]));
    expect(imported.conversations).toBe(truth.ids('conversations', { allConversations: true }).length);
    expect(imported.contacts).toBe(truth.ids('contacts').length);
    // Tickets and their parts are in the report and the printed summary.
    expect(imported.tickets).toBe(truth.ids('tickets').length);
    expect(imported.ticket_parts).toBe(truth.tickets().reduce((n, t) => n + t.partIds.length, 0));
    expect(r.stdout).toMatch(/^\s+tickets\s+\d+/m);
    expect(r.stdout).toMatch(/^\s+ticket_parts\s+\d+/m);
    expect(r.stdout).toMatch(/Changed the workspace: .*tickets \+\d+ ~\d+/);
    expect(report.runs[0].http?.requests).toBeGreaterThan(CONVERSATIONS);
    expect(report.audit.checked).toBeGreaterThan(0);

    await withPage(path.join(outDir, 'report.html'), async (page) => {
      expect(await page.$$eval('[data-problem]', (els) => els.length)).toBe(report.problems.length);
      // Both runs are in the history, with the durations of report.json.
      const durations = await page.$$eval('[data-path$=".durationSeconds"]', (els) => els.map((e) => Number(e.textContent)));
      expect(durations).toEqual(report.runs.map((run) => run.durationSeconds));
    });
  }, SLOW_MACHINE_MS);
});
