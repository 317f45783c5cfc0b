/**
 * The summary `npm start` (the CLI's `demo`) ends with, reduced to what must not depend on the
 * runtime: per run its kind, status and item table, and the problems. Left out: run ids (random),
 * durations, the HTTP line (requests, waits: the invocations' timing differs between runtimes) and
 * the paths.
 */
const RUN_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const RUN_LINE = /^(import|sync|delete) \S+: (\S+)(?: — (.*))? \([\d.]+ s\)$/;

export function comparableSummary(stdout: string): string[] {
  const lines = stdout.split('\n').map((l) => l.trimEnd());
  const start = lines.findIndex((l) => RUN_LINE.test(l));
  if (start < 0) throw new Error(`no run summary in the output:\n${lines.slice(-10).join('\n')}`);
  const kept: string[] = [];
  for (const line of lines.slice(start)) {
    const run = RUN_LINE.exec(line);
    if (run) kept.push(`${run[1]}: ${run[2]}${run[3] ? ` — ${run[3].replace(RUN_ID, '<run id>')}` : ''}`);
    else if (/^\s+requests \d+/.test(line) || /^(Report:|\s{8}\S)/.test(line) || line === '') continue;
    else kept.push(line.replace(RUN_ID, '<run id>'));
  }
  return kept;
}
