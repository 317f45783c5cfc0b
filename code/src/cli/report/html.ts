/**
 * Renders a {@link Report} as ONE self-contained HTML page (inline CSS, no scripts, no external assets):
 * problems first, then per-type bars of the latest run, the run history, the audit and the options.
 * Every number shown carries `data-path` (its JSON path in report.json) so a test can check the page
 * against the JSON.
 */
import { Report, RunReport } from './model';
import { escapeHtml } from '../../text/escape';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1f2a44;color:#fff;padding:18px 28px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.8}
main{padding:20px 28px;max-width:1200px}section{background:#fff;border:1px solid #e1e4ea;border-radius:8px;padding:14px 18px;margin-bottom:18px}
h2{font-size:16px;margin:0 0 10px}h3{font-size:14px;margin:14px 0 6px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f3;vertical-align:top}
th{font-weight:600;color:#4a5468;font-size:12px;text-transform:uppercase;letter-spacing:.03em}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.problems li{margin:4px 0;padding:6px 10px;border-radius:6px;list-style:none}.problems ul{padding:0;margin:0}
.sev-error{background:#fdecec;border-left:4px solid #d93025}.sev-warning{background:#fff6e0;border-left:4px solid #f29900}.sev-info{background:#eaf2fd;border-left:4px solid #1a73e8}
.ok{color:#188038;font-weight:600}.bad{color:#d93025;font-weight:600}
.bar{display:flex;height:14px;min-width:2px;border-radius:3px;overflow:hidden;background:#eef0f3}.bar span{display:block;height:100%}
.b-new{background:#34a853}.b-updated{background:#4285f4}.b-other{background:#9aa0a6}.b-skipped{background:#fbbc04}.b-failed{background:#ea4335}
.legend span{display:inline-block;margin-right:12px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
.muted{color:#6b7385;font-size:12px}code{font-size:12px;background:#f1f3f6;padding:1px 4px;border-radius:3px}
details summary{cursor:pointer;color:#1a73e8}
`;

function esc(value: unknown): string {
  return escapeHtml(String(value ?? ''));
}

/** A number shown on the page, tied to its path in report.json. */
function num(path: string, value: number | null | undefined, format: 'int' | 'dec' | 'percent' | 'bytes' = 'int'): string {
  if (value === null || value === undefined) return `<span class="muted">–</span>`;
  let text: string;
  if (format === 'percent') text = `${(value * 100).toFixed(1)}%`;
  else if (format === 'dec') text = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  else text = Math.round(value).toLocaleString('en-US');
  return `<span data-path="${esc(path)}" data-format="${format}">${esc(text)}</span>`;
}

function humanBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i ? 1 : 0)} ${units[i]}`;
}

function problemsSection(report: Report): string {
  if (report.problems.length === 0) return `<section><h2>Problems</h2><p class="ok">No problems found.</p></section>`;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of report.problems) counts[p.severity]++;
  const items = report.problems
    .map((p, i) => `<li class="sev-${p.severity}" data-problem="${i}"><b>${esc(p.severity)}</b> ${esc(p.message)}</li>`)
    .join('');
  return `<section class="problems"><h2>Problems: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes</h2><ul>${items}</ul></section>`;
}

function runItemsTable(run: RunReport, index: number): string {
  const max = Math.max(1, ...run.itemTypes.map((r) => r.extracted + r.skipped + r.failed));
  const rows = run.itemTypes
    .map((row, i) => {
      const p = `runs.${index}.itemTypes.${i}`;
      const other = Math.max(0, row.extracted - row.new - row.updated);
      const pct = (n: number) => `${((n / max) * 100).toFixed(2)}%`;
      const bar =
        `<div class="bar" style="width:${pct(row.extracted + row.skipped + row.failed)}">` +
        `<span class="b-new" style="width:${pct(row.new)}"></span><span class="b-updated" style="width:${pct(row.updated)}"></span>` +
        `<span class="b-other" style="width:${pct(other)}"></span><span class="b-skipped" style="width:${pct(row.skipped)}"></span>` +
        `<span class="b-failed" style="width:${pct(row.failed)}"></span></div>`;
      const examples = (list: Array<{ id: string; reason: string }>) =>
        list.length
          ? `<details><summary>${list.length} examples</summary>${list.map((s) => `<div><code>${esc(s.id)}</code> ${esc(s.reason)}</div>`).join('')}</details>`
          : '';
      return (
        `<tr><td>${esc(row.itemType)}</td><td class="n">${num(`${p}.extracted`, row.extracted)}</td><td class="n">${num(`${p}.new`, row.new)}</td>` +
        `<td class="n">${num(`${p}.updated`, row.updated)}</td><td class="n">${num(`${p}.skipped`, row.skipped)}${examples(row.skippedSample)}</td>` +
        `<td class="n">${num(`${p}.failed`, row.failed)}${examples(row.failedSample)}</td><td style="width:35%">${bar}</td></tr>`
      );
    })
    .join('');
  return (
    `<table><thead><tr><th>Item type</th><th class="n">Extracted</th><th class="n">New</th><th class="n">Updated</th><th class="n">Skipped</th><th class="n">Failed</th><th></th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p class="legend"><span><i class="b-new"></i>new</span><span><i class="b-updated"></i>updated</span><span><i class="b-other"></i>unchanged</span><span><i class="b-skipped"></i>skipped</span><span><i class="b-failed"></i>failed</span></p>` +
    truncatedBlock(run, index)
  );
}

function runTitle(run: RunReport): string {
  return `${esc(run.kind)} <span class="muted">${esc(run.runId)}</span> — <span class="${run.status === 'done' ? 'ok' : 'bad'}">${esc(run.status)}</span>`;
}

/** Per-type bars: the latest run open, earlier runs folded. */
function barsSection(report: Report): string {
  if (report.runs.length === 0) return `<section><h2>Items</h2><p class="muted">No run recorded in this folder yet.</p></section>`;
  const latest = report.runs.length - 1;
  const earlier = report.runs
    .slice(0, latest)
    .map((run, i) => ({ run, i }))
    .reverse()
    .map(({ run, i }) => `<details><summary>Earlier run: ${runTitle(run)}</summary>${runItemsTable(run, i)}</details>`)
    .join('');
  return `<section><h2>Latest run: ${runTitle(report.runs[latest])}</h2>${runItemsTable(report.runs[latest], latest)}${earlier}</section>`;
}

function truncatedBlock(run: RunReport, index: number): string {
  const t = run.truncatedConversations;
  if (t.count === 0) return '';
  const rows = t.sample.map((s) => `<div><code>${esc(s.id)}</code> ${esc(s.returned)} of ${esc(s.total)} parts</div>`).join('');
  return (
    `<h3>Truncated conversations: ${num(`runs.${index}.truncatedConversations.count`, t.count)}</h3>` +
    `<p class="muted">Intercom returns only the 500 most recent parts of a conversation.</p>` +
    `<details><summary>${t.sample.length} examples</summary>${rows}</details>`
  );
}

function historySection(report: Report): string {
  const rows = report.runs
    .map((run, i) => {
      const p = `runs.${i}`;
      const phases = run.phases.map((ph) => `${esc(ph.phase)} ${esc(ph.durationSeconds)} s (${esc(ph.invocations)}×)`).join(', ');
      const h = run.http;
      return (
        `<tr><td>${esc(run.kind)}<div class="muted">${esc(run.runId)}</div></td><td>${esc(run.startedAt ?? '')}</td>` +
        `<td class="${run.status === 'done' ? 'ok' : 'bad'}">${esc(run.status)}${run.error ? `<div class="muted">${esc(run.error)}</div>` : ''}</td>` +
        `<td class="n">${num(`${p}.durationSeconds`, run.durationSeconds, 'dec')}</td>` +
        `<td class="n">${num(`${p}.http.requests`, h?.requests)}</td><td class="n">${num(`${p}.http.retries`, h?.retries)}</td>` +
        `<td class="n">${num(`${p}.http.serverErrors`, h?.serverErrors)}</td><td class="n">${num(`${p}.http.rateLimited`, h?.rateLimited)}</td>` +
        `<td class="n">${num(`${p}.http.waitedSeconds`, h?.waitedSeconds, 'dec')}</td><td class="n">${num(`${p}.http.rateShare`, h?.rateShare, 'percent')}</td>` +
        `<td class="n">${num(`${p}.attachments.received`, run.attachments.received)}</td><td class="muted">${phases}</td></tr>`
      );
    })
    .join('');
  return (
    `<section><h2>Run history</h2><table><thead><tr><th>Run</th><th>Started</th><th>Status</th><th class="n">Seconds</th><th class="n">Requests</th>` +
    `<th class="n">Retries</th><th class="n">5xx</th><th class="n">429s</th><th class="n">Waited s</th><th class="n">Rate used</th><th class="n">Files</th><th>Phases</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function auditSection(report: Report): string {
  const a = report.audit;
  const fieldRows = a.fields
    .map((f, i) => {
      const p = `audit.fields.${i}`;
      const eg = f.sample.slice(0, 5).map((s) => `<code>${esc(s.id)}→${esc(s.value)}</code>`).join(' ');
      return `<tr><td>${esc(f.itemType)}.${esc(f.field)}</td><td class="muted">${esc(f.targets.join(', '))}</td><td class="n">${num(`${p}.checked`, f.checked)}</td><td class="n ${f.unresolved ? 'bad' : ''}">${num(`${p}.unresolved`, f.unresolved)}</td><td>${eg}</td></tr>`;
    })
    .join('');
  return (
    `<section><h2>Referential integrity</h2><p>${num('audit.checked', a.checked)} references checked, ${num('audit.unresolved', a.unresolved)} unresolved; ` +
    `${num('audit.mentions.checked', a.mentions.checked)} rich-text mentions, ${num('audit.mentions.unresolved', a.mentions.unresolved)} unresolved; ` +
    `${num('audit.attachments.total', a.attachments.total)} attachments, ${num('audit.attachments.missingBytes', a.attachments.missingBytes)} without bytes, ` +
    `${num('audit.attachments.parentUnresolved', a.attachments.parentUnresolved)} without parent.</p>` +
    `<p class="muted">Reference fields from ${a.metadataArtifact ? `<code>${esc(a.metadataArtifact)}</code>` : 'no metadata artifact'}.</p>` +
    `<details><summary>Per field</summary><table><thead><tr><th>Field</th><th>Targets</th><th class="n">Checked</th><th class="n">Unresolved</th><th>Examples</th></tr></thead><tbody>${fieldRows}</tbody></table></details></section>`
  );
}

function storeSection(report: Report): string {
  const rows = report.store.itemTypes
    .map((t, i) => `<tr><td>${esc(t.itemType)}</td><td class="n">${num(`store.itemTypes.${i}.count`, t.count)}</td></tr>`)
    .join('');
  return (
    `<section><h2>Store now</h2><table><thead><tr><th>Item type</th><th class="n">Items</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p>${num('store.attachmentFiles', report.store.attachmentFiles)} attachment files, ${esc(humanBytes(report.store.attachmentBytes))} ` +
    `(${num('store.attachmentBytes', report.store.attachmentBytes)} bytes).</p></section>`
  );
}

function optionsSection(report: Report): string {
  const o = report.options;
  return (
    `<section><h2>Options</h2><table><tbody>` +
    `<tr><th>Workspace</th><td>${esc(report.workspace ? `${report.workspace.name} (${report.workspace.id}, ${report.workspace.region})` : 'unknown')}</td></tr>` +
    `<tr><th>Intercom</th><td>${esc(report.intercomBaseUrl ?? 'unknown')}</td></tr>` +
    `<tr><th>Import all conversations</th><td>${esc(o ? String(o.allConversations) : 'unknown')}</td></tr>` +
    `<tr><th>Contact reference field</th><td>${esc(o ? o.contactReferenceField || '(Intercom id)' : 'unknown')}</td></tr>` +
    `</tbody></table></section>`
  );
}

/** The whole page. */
export function renderReportHtml(report: Report): string {
  const title = `Intercom → DevRev import report${report.workspace ? `: ${report.workspace.name}` : ''}`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${esc(title)}</title><style>${CSS}</style></head><body>` +
    `<header><h1>${esc(title)}</h1><p>${esc(report.outDir)} — generated ${esc(report.generatedAt)}</p></header><main>` +
    problemsSection(report) +
    barsSection(report) +
    historySection(report) +
    auditSection(report) +
    storeSection(report) +
    optionsSection(report) +
    `</main></body></html>\n`
  );
}
