/**
 * The report from a hand-built output folder: counts, the referential-integrity audit, problems, the HTML
 * page in headless Chromium against report.json, the `report` command, and a full disk while writing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { buildReport } from '../../src/cli/report/build';
import { writeReport } from '../../src/cli/report/write';
import type { Report } from '../../src/cli/report/model';
import { runCli, shownNumber, tempDir, valueAt, withPage } from './helpers';

const METADATA = {
  schema_version: 'v0.2.0',
  record_types: {
    admins: { name: 'Admin', fields: { name: { type: 'text' } } },
    companies: { name: 'Company', fields: { name: { type: 'text' } } },
    contacts: {
      name: 'Contact',
      fields: { companies: { type: 'reference', collection: {}, reference: { refers_to: { '#record:companies': {} } } } },
    },
    conversations: {
      name: 'Conversation',
      fields: {
        admin_assignee_id: { type: 'reference', reference: { refers_to: { '#record:admins': {} } } },
        contact_ids: { type: 'reference', collection: {}, reference: { refers_to: { '#record:contacts': {} } } },
      },
    },
    conversation_parts: {
      name: 'Part',
      fields: {
        conversation_id: { type: 'reference', reference: { refers_to: { '#record:conversations': {} } } },
        author_id: { type: 'reference', reference: { refers_to: { '#record:admins': {}, '#record:contacts': {} } } },
        body: { type: 'rich_text' },
      },
    },
  },
};

const T = '2026-01-01T00:00:00Z';
const item = (id: string, data: Record<string, unknown>) => ({ id, created_date: T, modified_date: T, data });

function jsonl(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join('\n') + '\n';
}

/** An output folder as an import, then a failed sync, would leave it (contract §4 plus the CLI's files). */
function buildFolder(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'items'));
  fs.mkdirSync(path.join(dir, 'artifacts'));
  fs.mkdirSync(path.join(dir, 'attachments'));
  fs.writeFileSync(path.join(dir, 'artifacts', 'art-7'), zlib.gzipSync(jsonl([METADATA])));
  fs.writeFileSync(path.join(dir, 'artifacts', 'art-8'), zlib.gzipSync(jsonl([item('a1', { name: 'x' })])));
  const items: Record<string, unknown[]> = {
    admins: [item('a1', { name: 'Ann' }), item('a2', { name: 'Bob' })],
    contacts: [item('c1', { companies: ['co1'] })],
    conversations: [
      item('conv1', { admin_assignee_id: 'a1', contact_ids: ['c1'] }),
      item('conv2', { admin_assignee_id: 'a9', contact_ids: ['c1'] }),
    ],
    conversation_parts: [
      item('p1', { conversation_id: 'conv1', author_id: 'c1', body: ['Hi ', { ref_type: 'artifact', id: 'part-p1-img-0' }, { ref_type: 'admins', id: 'a7' }] }),
      item('p2', { conversation_id: 'conv2', author_id: 'a2', body: ['ok'] }),
    ],
    attachments: [
      { id: 'part-p1-img-0', url: 'http://x/1', file_name: 'a.png', parent_id: 'p1' },
      { id: 'part-p1-att-0', url: 'http://x/2', file_name: 'b.pdf', parent_id: 'p1' },
    ],
  };
  for (const [type, values] of Object.entries(items)) fs.writeFileSync(path.join(dir, 'items', `${type}.jsonl`), jsonl(values));
  fs.writeFileSync(path.join(dir, 'attachments', 'part-p1-img-0'), Buffer.alloc(1234, 1));
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify({
      version: 1,
      workspace: { id: 'ws1', name: 'Acme', region: 'US' },
      intercomBaseUrl: 'http://127.0.0.1:9',
      customBaseUrl: true,
      options: { allConversations: false, contactReferenceField: 'crm_id' },
      rateLimitPer10s: 100,
      createdAt: T,
      updatedAt: T,
    }),
  );
  const runs = [
    {
      kind: 'import', runId: 'run-1', startedAt: '2026-01-01T10:00:00.000Z', endedAt: '2026-01-01T10:01:00.000Z', status: 'done',
      phases: [
        { phase: 'data', invocations: 3, durationMs: 40_000, delays: 1, delaySeconds: 12 },
        { phase: 'attachments', invocations: 1, durationMs: 5_000, delays: 0, delaySeconds: 0 },
      ],
      items: {
        admins: { received: 2, new: 2, updated: 0 }, contacts: { received: 1, new: 1, updated: 0 },
        conversations: { received: 2, new: 2, updated: 0 }, conversation_parts: { received: 2, new: 2, updated: 0 },
        attachments: { received: 2, new: 2, updated: 0 },
      },
      attachments: { received: 1, bytes: 1234 },
      syncUnit: { id: 'ws1', name: 'Acme' },
    },
    {
      kind: 'sync', runId: 'run-2', startedAt: '2026-01-01T11:00:00.000Z', endedAt: '2026-01-01T11:00:10.000Z', status: 'error',
      error: 'Intercom token rejected', phases: [{ phase: 'data', invocations: 1, durationMs: 2_000, delays: 0, delaySeconds: 0 }],
      items: { conversations: { received: 1, new: 0, updated: 1 } }, attachments: { received: 0, bytes: 0 }, syncUnit: { id: 'ws1', name: 'Acme' },
    },
  ];
  fs.writeFileSync(path.join(dir, 'runs.jsonl'), jsonl(runs) + 'this line is broken\n');
  const importCounters = {
    runStartedAt: 1, mode: 'full',
    items: {
      admins: { extracted: 2, skipped: { count: 0, sample: [] } },
      contacts: { extracted: 1, skipped: { count: 3, sample: [{ id: 'c-bad', reason: 'email: expected string' }] } },
      conversations: { extracted: 2, skipped: { count: 0, sample: [] } },
    },
    truncatedConversations: { count: 1, sample: [{ id: 'conv2', returned: 500, total: 612 }] },
    deletions: {}, deletionDetectionSkipped: {},
    http: { requests: 120, retries: 4, rateLimited: 2, serverErrors: 1, waitedSeconds: 11, delays: 1 },
    options: { importAllConversations: false, contactReferenceField: 'crm_id', region: 'us' },
  };
  fs.writeFileSync(
    path.join(dir, 'cli-runs.jsonl'),
    jsonl([{ runId: 'run-1', kind: 'import', recordedAt: T, connectorReport: importCounters, rateLimitPer10s: 100 }]),
  );
  const syncCounters = { ...importCounters, mode: 'incremental', items: { conversations: { extracted: 1, skipped: { count: 0, sample: [] } } },
    truncatedConversations: { count: 0, sample: [] }, http: { requests: 7, retries: 0, rateLimited: 0, serverErrors: 0, waitedSeconds: 0, delays: 0 } };
  fs.writeFileSync(path.join(dir, 'state.json'), JSON.stringify({ lastSyncStarted: T, intercom: { version: 1, report: syncCounters } }));
  return dir;
}

describe('report from an output folder', () => {
  let dir: string;
  let report: Report;

  beforeAll(async () => {
    dir = buildFolder();
    report = await buildReport(dir);
  });

  it('counts per item type and run, from the platform and the connector', () => {
    expect(report.runs.map((r) => [r.kind, r.status])).toEqual([['import', 'done'], ['sync', 'error']]);
    const importRun = report.runs[0];
    const contacts = importRun.itemTypes.find((r) => r.itemType === 'contacts');
    expect(contacts).toMatchObject({ extracted: 1, new: 1, updated: 0, skipped: 3, skippedSample: [{ id: 'c-bad', reason: 'email: expected string' }] });
    // Two attachment references extracted, one file arrived.
    expect(importRun.itemTypes.find((r) => r.itemType === 'attachments')?.failed).toBe(1);
    expect(importRun.truncatedConversations.count).toBe(1);
    // 120 requests in 60 s against 100 per 10 s = 600 allowed.
    expect(importRun.http).toMatchObject({ requests: 120, rateLimited: 2, waitedSeconds: 11, allowedPer10s: 100, rateShare: 0.2 });
    expect(importRun.phases.map((p) => [p.phase, p.durationSeconds])).toEqual([['data', 40], ['attachments', 5]]);
    // The sync's counters come from state.json (it was the last run; the CLI had not recorded it).
    expect(report.runs[1]).toMatchObject({ countersSource: 'state', http: { requests: 7 } });
    expect(report.runs[1].itemTypes.find((r) => r.itemType === 'conversations')).toMatchObject({ updated: 1, extracted: 1 });
  });

  it('audits every reference, mention and attachment', () => {
    const field = (t: string, f: string) => report.audit.fields.find((x) => x.itemType === t && x.field === f);
    expect(report.audit.metadataArtifact).toBe(path.join('artifacts', 'art-7'));
    expect(field('conversations', 'admin_assignee_id')).toMatchObject({ checked: 2, unresolved: 1, sample: [{ id: 'conv2', value: 'a9' }] });
    expect(field('contacts', 'companies')).toMatchObject({ checked: 1, unresolved: 1 });
    expect(field('conversation_parts', 'author_id')).toMatchObject({ checked: 2, unresolved: 0 });
    // conversations 2+2, contacts 1, parts 2+2.
    expect(report.audit).toMatchObject({ checked: 9, unresolved: 2 });
    expect(report.audit.mentions).toMatchObject({ checked: 2, unresolved: 1, sample: [{ id: 'p1', value: 'admins:a7' }] });
    expect(report.audit.attachments).toMatchObject({ total: 2, missingBytes: 1, parentUnresolved: 0 });
  });

  it('lists problems most severe first, including the broken line', () => {
    const kinds = report.problems.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['run_failed', 'unresolved_references', 'items_skipped', 'truncated_conversations', 'bad_line', 'attachment_problems']));
    const order = { error: 0, warning: 1, info: 2 };
    const severities = report.problems.map((p) => order[p.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    expect(report.problems.find((p) => p.kind === 'bad_line')?.message).toContain('runs.jsonl line 3');
  });

  it('report.html shows the numbers of report.json, self-contained', async () => {
    const { htmlPath, jsonPath } = await writeReport(dir);
    const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as unknown;
    const html = fs.readFileSync(htmlPath, 'utf8');
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
    await withPage(htmlPath, async (page, requests) => {
      const shown = await page.$$eval('[data-path]', (els) =>
        els.map((e) => ({ path: e.getAttribute('data-path') as string, format: e.getAttribute('data-format'), text: e.textContent ?? '' })),
      );
      expect(shown.length).toBeGreaterThan(30);
      for (const s of shown) {
        const expected = valueAt(json, s.path);
        expect({ path: s.path, value: shownNumber(s.text, s.format) }).toEqual({
          path: s.path,
          value: s.format === 'percent' ? expect.closeTo(expected as number, 3) : expected,
        });
      }
      // Every run of the JSON is in the history; problems come first on the page.
      const problems = await page.$$eval('[data-problem]', (els) => els.map((e) => e.textContent ?? ''));
      expect(problems).toHaveLength((json as Report).problems.length);
      const firstSection = await page.$eval('main section h2', (e) => e.textContent ?? '');
      expect(firstSection).toMatch(/^Problems/);
      expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    });
  });

  it('`report --out` writes both files again, and a full disk leaves the old report intact', async () => {
    const fresh = buildFolder();
    const ok = await runCli(['report', '--out', fresh]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(path.join(fresh, 'report.html'));
    const before = fs.readFileSync(path.join(fresh, 'report.json'), 'utf8');
    // The next write of report.json goes through report.json.tmp: point it at /dev/full.
    fs.symlinkSync('/dev/full', path.join(fresh, 'report.json.tmp'));
    const full = await runCli(['report', '--out', fresh]);
    expect(full.code).toBe(5);
    expect(full.stderr.trim().split('\n')).toHaveLength(1);
    expect(full.stderr).toMatch(/No space left on the device while writing .*report\.json.*free some disk space/);
    expect(fs.readFileSync(path.join(fresh, 'report.json'), 'utf8')).toBe(before);
  });

  it('shows a run the platform has not finished (platform.json) as unfinished, with how to resume', async () => {
    const fresh = buildFolder();
    const result = { kind: 'sync', runId: 'run-3', startedAt: '2026-01-01T12:00:00.000Z', phases: [], items: { tags: { received: 4, new: 1, updated: 0 } } };
    fs.writeFileSync(path.join(fresh, 'platform.json'), JSON.stringify({ current: { runId: 'run-3', kind: 'sync', phase: 'data', result } }));
    const withUnfinished = await buildReport(fresh);
    expect(withUnfinished.runs.map((r) => [r.runId, r.status])).toEqual([['run-1', 'done'], ['run-2', 'error'], ['run-3', 'unfinished']]);
    expect(withUnfinished.problems.find((p) => p.kind === 'run_unfinished')?.message).toBe(
      'Run sync run-3 is not finished: stopped in phase data; run the same command again to resume',
    );
  });

  it('`report` on a folder that does not exist says so', async () => {
    const r = await runCli(['report', '--out', path.join(tempDir(), 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });
});
