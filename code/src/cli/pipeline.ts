/**
 * Runs one import, sync or delete of the REAL snap-in functions (`code/src/index.ts`) through the Airdrop
 * platform emulator, which keeps its output (items, attachments, state, runs) in the output folder.
 * Afterwards the connector's per-run counters are copied from the state into `DIR/cli-runs.jsonl`, because
 * the state only keeps the latest run's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from 'pino';
import type { RunOptions, RunResult } from '../emulators/airdrop';
import { diskFullError, findErrorCode } from './cli-error';
import type { IntercomConnection } from './connection';
import { Interrupt } from './interrupt';
import { createProgressView } from './progress';
import { readStateReport } from './report/sources';
import type { Settings } from './settings';

export type RunKind = 'import' | 'sync' | 'delete';

/** What one pipeline run needs. */
export interface PipelineOptions {
  kind: RunKind;
  outDir: string;
  connection: IntercomConnection;
  settings: Settings;
  /** The command a user runs again to resume after a stop (shown in the stop message). */
  resumeCommand: string;
  /** Soft timeout of one snap-in invocation; short invocations give frequent resumption points. */
  timeoutMs?: number;
  /** Multiplies the platform's DELAY waits (1 = as asked). */
  delayScale?: number;
  /** Item counts known in advance (estimate), for progress bar totals. */
  expected?: Record<string, number>;
  logger?: Logger;
  /** Draw bars even when stdout is not a terminal (default: only on a TTY). */
  tty?: boolean;
  /** No progress output at all (benchmarks). */
  quiet?: boolean;
}

/** The snap-in's import options as global values (contract §2). */
export function globalValuesFor(settings: Settings, connection: IntercomConnection): Record<string, string> {
  const values: Record<string, string> = {
    import_all_conversations: String(settings.options.allConversations),
    contact_reference_field: settings.options.contactReferenceField,
    intercom_region: connection.region ?? settings.workspace.region.toLowerCase(),
  };
  if (connection.customBaseUrl) values.intercom_api_base_url = connection.baseUrl;
  return values;
}

/** Runs the pipeline; resolves with the platform's `RunResult` (status `done` or `error`). */
export async function runPipeline(o: PipelineOptions): Promise<RunResult> {
  // Loaded here, not at the top, so that commands which do not run the snap-in (report, estimate) start fast
  // and work even while a part of the snap-in is being rebuilt.
  const { createFunctions } = await import('../index');
  const { startAirdropEmulator } = await import('../emulators/airdrop');
  const interrupt = new Interrupt(o.resumeCommand).listen();
  const emulator = await startAirdropEmulator({ outDir: o.outDir });
  const view = o.quiet ? { update: () => {}, stop: () => {} } : createProgressView(o.kind, o.expected, o.tty);
  // A local run: only here may `intercom_api_base_url` point the snap-in at the emulator.
  const functions = createFunctions({ local: true, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
  o.logger?.info({ kind: o.kind, outDir: o.outDir, baseUrl: o.connection.baseUrl }, 'run starting');
  try {
    // The platform emulator builds events as wire JSON (string enums); the snap-in reads the same JSON through
    // its SDK types, exactly as on DevRev, where the event arrives as JSON (RunOptions' `never[]` says so).
    const run: RunOptions = {
      invoke: interrupt.wrap<[events: never[]]>(functions.extraction),
      connection: {
        key: o.connection.token,
        key_type: 'api_key',
        org_id: o.settings.workspace.id,
        org_name: o.settings.workspace.name,
      },
      globalValues: globalValuesFor(o.settings, o.connection),
      delayScale: o.delayScale ?? 1,
      onProgress: (p) => view.update(p),
    };
    const running = o.kind === 'import' ? emulator.runImport(run) : o.kind === 'sync' ? emulator.runSync(run) : emulator.runDelete(run);
    const result = await Promise.race([running, interrupt.stopped]);
    view.stop();
    o.logger?.info({ kind: o.kind, runId: result.runId, status: result.status, error: result.error }, 'run ended');
    if (o.kind !== 'delete') recordRun(o, result);
    return result;
  } catch (err) {
    view.stop();
    if (findErrorCode(err, (c) => c === 'ENOSPC')) throw diskFullError(o.outDir);
    throw err;
  } finally {
    interrupt.dispose();
    await emulator.close().catch(() => {});
  }
}

/** Appends the connector's counters of a finished run to `DIR/cli-runs.jsonl`. */
function recordRun(o: PipelineOptions, result: RunResult): void {
  const record = {
    runId: result.runId,
    kind: result.kind,
    recordedAt: new Date().toISOString(),
    connectorReport: readStateReport(o.outDir) ?? null,
    rateLimitPer10s: o.settings.rateLimitPer10s,
    options: { ...o.settings.options, intercomBaseUrl: o.connection.baseUrl, region: o.connection.region ?? null },
  };
  try {
    fs.appendFileSync(path.join(o.outDir, 'cli-runs.jsonl'), `${JSON.stringify(record)}\n`);
  } catch (err) {
    if (findErrorCode(err, (c) => c === 'ENOSPC')) throw diskFullError(path.join(o.outDir, 'cli-runs.jsonl'));
    throw err;
  }
}
