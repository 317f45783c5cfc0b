/**
 * What `import`, `sync` and `demo` share: run the pipeline, record and write the report, print the summary,
 * and turn a failed run into a one-line error.
 */
import type { Logger } from 'pino';
import { CliError, ExitCode, diskFullError, oneLine } from './cli-error';
import type { IntercomConnection } from './connection';
import { StopRequested } from './interrupt';
import { RunKind, runPipeline } from './pipeline';
import { writeReport } from './report/write';
import type { Report } from './report/model';
import type { Settings } from './settings';
import { printSummary } from './summary';

/** What a finished command hands back (used by tests and the demo). */
export interface CommandResult {
  report: Report;
  jsonPath: string;
  htmlPath: string;
  runIds: string[];
}

/** Options of {@link runAndReport}. */
export interface RunAndReportOptions {
  kind: RunKind;
  outDir: string;
  connection: IntercomConnection;
  settings: Settings;
  resumeCommand: string;
  logger?: Logger;
  timeoutMs?: number;
  delayScale?: number;
  expected?: Record<string, number>;
  /** Print the summary table (default true). */
  summary?: boolean;
}

/** Default soft timeout of one invocation for local runs: short, so Ctrl-C and resumption stay quick. */
export const LOCAL_INVOCATION_TIMEOUT_MS = 30_000;

/** Runs one pipeline run, writes the report (even when the run failed) and fails with one line if it did. */
export async function runAndReport(o: RunAndReportOptions): Promise<CommandResult> {
  let result;
  try {
    result = await runPipeline({ ...o, timeoutMs: o.timeoutMs ?? LOCAL_INVOCATION_TIMEOUT_MS });
  } catch (err) {
    // Stopped by the user: the report still shows how far the run got (as an unfinished run).
    if (err instanceof StopRequested) await writeReport(o.outDir).catch(() => undefined);
    throw err;
  }
  const written = await writeReport(o.outDir);
  if (o.summary !== false || result.status !== 'done') printSummary(written.report, written, [result.runId]);
  if (result.status !== 'done') throw runFailure(o.kind, result.error ?? 'no message', o.outDir);
  return { ...written, runIds: [result.runId] };
}

/** A failed run as a one-line error with advice, classified by its message. */
export function runFailure(kind: RunKind, message: string, outDir: string): CliError {
  if (/ENOSPC|no space left/i.test(message)) return diskFullError(outDir);
  const text = oneLine(message, 300);
  if (/\b401\b|unauthori[sz]ed|token|reconnect|credential/i.test(message)) {
    return new CliError(
      `The ${kind} stopped because Intercom rejected the token (${text}): pass a valid token with --token or INTERCOM_TOKEN and run the same command again to resume.`,
      ExitCode.auth,
    );
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|socket hang up/i.test(message)) {
    return new CliError(`The ${kind} stopped because Intercom could not be reached (${text}): check the network, then run the same command again to resume.`, ExitCode.unreachable);
  }
  return new CliError(`The ${kind} failed: ${text}. See report.html in ${outDir}; run the same command again to resume.`, ExitCode.failure);
}
