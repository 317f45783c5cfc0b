/** Builds a {@link Report} from what an output folder holds. Reads only; writing is `write.ts`'s job. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSettings } from '../settings';
import { auditStore, IntegrityAudit } from './audit';
import { ItemTypeRow, Problem, Report, RunReport, Severity } from './model';
import {
  BadLine,
  CliRunRecord,
  ConnectorReport,
  itemTypesInStore,
  readCliRuns,
  readDomainMetadata,
  readRuns,
  readStateReport,
  readUnfinishedRun,
  RunResultLine,
} from './sources';
import { readJsonLines } from '../fs-safe';

/** Reads `outDir` and returns its report. Never throws for damaged lines: they become problems. */
export async function buildReport(outDir: string, now = new Date()): Promise<Report> {
  const badLines: BadLine[] = [];
  const settings = loadSettings(outDir);
  const runs = await readRuns(outDir, badLines);
  const unfinished = readUnfinishedRun(outDir);
  if (unfinished && !runs.some((r) => r.runId === unfinished.runId)) runs.push(unfinished);
  const cliRuns = await readCliRuns(outDir, badLines);
  const stateReport = readStateReport(outDir);
  const metadata = readDomainMetadata(outDir);
  const audit = await auditStore(outDir, metadata?.metadata, metadata?.file);

  const recorded = new Map<string, CliRunRecord>();
  for (const record of cliRuns) recorded.set(record.runId, record);
  const lastRunId = runs.at(-1)?.runId;
  const runReports = runs.map((run) =>
    runReport(run, recorded.get(run.runId), run.runId === lastRunId ? stateReport : undefined, settings?.rateLimitPer10s, audit),
  );
  const report: Report = {
    reportVersion: 1,
    generatedAt: now.toISOString(),
    outDir: path.resolve(outDir),
    workspace: settings?.workspace ?? null,
    intercomBaseUrl: settings?.intercomBaseUrl ?? null,
    options: settings?.options ?? null,
    problems: [],
    runs: runReports,
    store: await storeSummary(outDir),
    audit,
    badLines,
  };
  report.problems = findProblems(report);
  return report;
}

function toIso(value: string | number | undefined): string | null {
  if (value === undefined) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function runReport(
  run: RunResultLine,
  record: CliRunRecord | undefined,
  stateReport: ConnectorReport | undefined,
  rateLimitPer10s: number | undefined,
  audit: IntegrityAudit,
): RunReport {
  const counters = record?.connectorReport ?? stateReport ?? null;
  const startedAt = toIso(run.startedAt);
  const endedAt = toIso(run.endedAt);
  const phaseMs = run.phases.reduce((n, p) => n + p.durationMs, 0);
  const wallMs = startedAt && endedAt ? Date.parse(endedAt) - Date.parse(startedAt) : phaseMs;
  const durationSeconds = round(Math.max(phaseMs, wallMs) / 1000);
  const allowed = record?.rateLimitPer10s ?? rateLimitPer10s ?? null;
  const http = counters?.http
    ? {
        requests: counters.http.requests,
        retries: counters.http.retries,
        rateLimited: counters.http.rateLimited,
        serverErrors: counters.http.serverErrors,
        waitedSeconds: round(counters.http.waitedSeconds),
        delays: counters.http.delays,
        allowedPer10s: allowed,
        rateShare: allowed && durationSeconds > 0 ? round(counters.http.requests / ((allowed * durationSeconds) / 10), 4) : null,
      }
    : null;
  const attachments = { received: run.attachments?.received ?? 0, bytes: run.attachments?.bytes ?? 0 };
  const isLast = stateReport !== undefined;
  return {
    runId: run.runId,
    kind: run.kind,
    status: run.status,
    error: run.error ?? null,
    startedAt,
    endedAt,
    durationSeconds,
    phases: run.phases.map((p) => ({
      phase: p.phase,
      invocations: p.invocations,
      durationSeconds: round(p.durationMs / 1000),
      delays: p.delays,
      delaySeconds: round(p.delaySeconds),
    })),
    itemTypes: itemRows(run, counters, attachments.received, isLast ? audit : undefined),
    truncatedConversations: counters?.truncatedConversations ?? { count: 0, sample: [] },
    deletions: Object.entries(counters?.deletions ?? {}).map(([itemType, d]) => ({ itemType, count: d.count, sample: d.sample })),
    http,
    attachments,
    options: record?.options ?? (counters?.options as Record<string, unknown> | null | undefined) ?? null,
    countersSource: record?.connectorReport ? 'recorded' : stateReport ? 'state' : 'missing',
  };
}

function itemRows(
  run: RunResultLine,
  counters: ConnectorReport | null,
  attachmentFilesReceived: number,
  audit: IntegrityAudit | undefined,
): ItemTypeRow[] {
  const types = new Set([...Object.keys(run.items), ...Object.keys(counters?.items ?? {})]);
  return [...types].sort().map((itemType) => {
    const platform = run.items[itemType];
    const connector = counters?.items[itemType];
    const row: ItemTypeRow = {
      itemType,
      extracted: connector?.extracted ?? platform?.received ?? 0,
      new: platform?.new ?? 0,
      updated: platform?.updated ?? 0,
      skipped: connector?.skipped.count ?? 0,
      skippedSample: connector?.skipped.sample.map(({ id, reason }) => ({ id, reason })) ?? [],
      failed: 0,
      failedSample: [],
    };
    if (itemType === 'attachments' && run.status === 'done') {
      // Every attachment the data phase extracted should have had its bytes streamed in the attachments phase.
      row.failed = Math.max(0, (platform?.received ?? 0) - attachmentFilesReceived);
      if (audit) row.failedSample = audit.attachments.sample.map(({ id, problem }) => ({ id, reason: problem }));
    }
    return row;
  });
}

async function storeSummary(outDir: string): Promise<Report['store']> {
  const itemTypes: Report['store']['itemTypes'] = [];
  for (const itemType of itemTypesInStore(outDir)) {
    let count = 0;
    for await (const entry of readJsonLines(path.join(outDir, 'items', `${itemType}.jsonl`))) if (!entry.error) count++;
    itemTypes.push({ itemType, count });
  }
  let attachmentFiles = 0;
  let attachmentBytes = 0;
  const dir = path.join(outDir, 'attachments');
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) {
      const stat = fs.statSync(path.join(dir, name));
      if (!stat.isFile()) continue;
      attachmentFiles++;
      attachmentBytes += stat.size;
    }
  }
  return { itemTypes, attachmentFiles, attachmentBytes };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Everything worth a person's attention, most severe first. */
export function findProblems(report: Report): Problem[] {
  const problems: Problem[] = [];
  const add = (severity: Severity, kind: string, message: string) => problems.push({ severity, kind, message });
  for (const run of report.runs) {
    const label = `${run.kind} ${run.runId}`;
    if (run.status === 'unfinished') add('warning', 'run_unfinished', `Run ${label} is not finished: ${run.error}`);
    else if (run.status !== 'done') add('error', 'run_failed', `Run ${label} ended with status ${run.status}: ${run.error ?? 'no message'}`);
    for (const row of run.itemTypes) {
      if (row.skipped > 0) {
        const ids = row.skippedSample.slice(0, 3).map((s) => `${s.id} (${s.reason})`).join(', ');
        add('warning', 'items_skipped', `Run ${label}: ${row.skipped} ${row.itemType} skipped, e.g. ${ids}`);
      }
      if (row.failed > 0) add('error', 'items_failed', `Run ${label}: ${row.failed} ${row.itemType} failed`);
    }
    if (run.truncatedConversations.count > 0) {
      const ids = run.truncatedConversations.sample.slice(0, 3).map((t) => `${t.id} (${t.returned} of ${t.total} parts)`).join(', ');
      add('warning', 'truncated_conversations', `Run ${label}: ${run.truncatedConversations.count} conversations truncated to their 500 most recent parts, e.g. ${ids}`);
    }
    if (run.http && run.http.rateLimited > 0) {
      add('info', 'rate_limited', `Run ${label}: met ${run.http.rateLimited} rate limits (429) and waited ${run.http.waitedSeconds} s`);
    }
    if (run.countersSource === 'missing' && run.kind !== 'delete') {
      add('info', 'counters_missing', `Run ${label}: the connector's counters (skips, requests) were not recorded`);
    }
    for (const d of run.deletions) {
      if (d.count > 0) add('info', 'deletions_detected', `Run ${label}: ${d.count} ${d.itemType} deleted in Intercom`);
    }
  }
  const audit = report.audit;
  if (!audit.metadataArtifact && report.store.itemTypes.length > 0) {
    add('warning', 'no_metadata', 'No external_domain_metadata artifact found: reference fields could not be audited');
  }
  for (const field of audit.fields) {
    if (field.unresolved > 0) {
      const eg = field.sample.slice(0, 3).map((s) => `${s.id} → ${s.value}`).join(', ');
      // A warning, not an error: Intercom keeps references to deleted objects (e.g. a removed teammate on old parts).
      add('warning', 'unresolved_references', `${field.unresolved} of ${field.checked} references in ${field.itemType}.${field.field} do not resolve (${field.targets.join(', ')}), e.g. ${eg}`);
    }
  }
  if (audit.mentions.unresolved > 0) {
    const eg = audit.mentions.sample.slice(0, 3).map((s) => `${s.itemType} ${s.id} → ${s.value}`).join(', ');
    add('warning', 'unresolved_mentions', `${audit.mentions.unresolved} of ${audit.mentions.checked} rich-text mentions do not resolve, e.g. ${eg}`);
  }
  if (audit.attachments.missingBytes > 0 || audit.attachments.parentUnresolved > 0) {
    add('error', 'attachment_problems', `Attachments: ${audit.attachments.missingBytes} without bytes, ${audit.attachments.parentUnresolved} whose parent is not in the store`);
  }
  for (const bad of [...report.badLines, ...audit.badLines.map((b) => ({ file: `items/${b.itemType}.jsonl`, line: b.line, reason: b.reason }))]) {
    add('error', 'bad_line', `${bad.file} line ${bad.line} is not usable: ${bad.reason}`);
  }
  return problems.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
