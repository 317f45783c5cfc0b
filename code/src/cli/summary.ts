/** The short summary a command prints at the end: per item type of each run, then problems and the report's path. */
import { out } from './output';
import type { Report } from './report/model';

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

/** Prints the runs of `report` (all, or those with the given ids) as fixed-width tables. */
export function printSummary(report: Report, paths: { htmlPath: string; jsonPath: string }, runIds?: string[]): void {
  const runs = runIds ? report.runs.filter((r) => runIds.includes(r.runId)) : report.runs;
  for (const run of runs) {
    out.line();
    out.line(`${run.kind} ${run.runId}: ${run.status}${run.error ? ` — ${run.error}` : ''} (${run.durationSeconds} s)`);
    const header = `  ${pad('item type', 22)}${pad('extracted', 11, true)}${pad('new', 9, true)}${pad('updated', 9, true)}${pad('skipped', 9, true)}${pad('failed', 8, true)}`;
    out.line(header);
    out.line(`  ${'-'.repeat(header.length - 2)}`);
    for (const row of run.itemTypes) {
      out.line(
        `  ${pad(row.itemType, 22)}${pad(row.extracted, 11, true)}${pad(row.new, 9, true)}${pad(row.updated, 9, true)}${pad(row.skipped, 9, true)}${pad(row.failed, 8, true)}`,
      );
    }
    const h = run.http;
    if (h) {
      const share = h.rateShare === null ? 'unknown' : `${(h.rateShare * 100).toFixed(1)}%`;
      out.line(`  requests ${h.requests} (retries ${h.retries}, 5xx ${h.serverErrors}), 429s ${h.rateLimited}, waited ${h.waitedSeconds} s, rate limit used ${share}; attachment files ${run.attachments.received}`);
    }
  }
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.filter((p) => p.severity === 'warning').length;
  out.line();
  out.line(`Problems: ${errors} errors, ${warnings} warnings${report.problems.length ? ' (first ones below)' : ''}`);
  for (const p of report.problems.slice(0, 5)) out.line(`  ${p.severity}: ${p.message}`);
  out.line(`Report: ${paths.htmlPath}`);
  out.line(`        ${paths.jsonPath}`);
}
