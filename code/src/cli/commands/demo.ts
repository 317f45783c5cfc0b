import * as path from 'node:path';
import { Command } from 'commander';
import type { IntercomEmulator } from '../../emulators/intercom';
import { CliError, ExitCode } from '../cli-error';
import { preflight, type IntercomConnection } from '../connection';
import { createCliLogger } from '../log';
import { out } from '../output';
import { writeReport } from '../report/write';
import { runAndReport, type CommandResult } from '../run-command';
import { registerSecret } from '../secrets';
import { saveSettings, type Settings } from '../settings';
import { printSummary } from '../summary';
import { KINDS } from '../../kinds';

/** Flags of `demo`. */
export interface DemoFlags {
  out?: string;
  seed?: string;
  conversations?: string;
  changes?: string;
  /** Inject Intercom faults (5xx, resets, 429s) to show the retries at work. */
  faults?: boolean;
  invocationTimeoutMs?: number;
}

function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, not "${value}".`, ExitCode.usage);
  return n;
}

/** `./.airdrop-demo/<timestamp>` (file-name safe). */
export function defaultDemoDir(now = new Date()): string {
  return path.resolve('.airdrop-demo', now.toISOString().replace(/[:.]/g, '-'));
}

/** Per item type totals the import should reach, for the progress bars (from the emulator's ground truth). */
function expectedCounts(emulator: IntercomEmulator): Record<string, number> {
  const truth = emulator.workspace.truth;
  const all = { allConversations: true };
  const expected: Record<string, number> = {};
  for (const { itemType } of KINDS) expected[itemType] = truth.ids(itemType, all).length;
  expected.conversation_parts = truth.conversations(all).reduce((n, c) => n + c.partIds.length + 1, 0);
  expected.bots = new Set(truth.conversations(all).flatMap((c) => c.bots.map((b) => b.id))).size;
  expected.ticket_parts = truth.tickets().reduce((n, t) => n + t.partIds.length, 0);
  expected.attachments = truth.attachments(all).length;
  return expected;
}

/**
 * The whole story on this machine: an Intercom emulator with a generated workspace, an import through the
 * real snap-in functions and the platform emulator, changes in the workspace, an incremental sync, a report.
 */
export async function demoCommand(flags: DemoFlags): Promise<CommandResult> {
  const outDir = flags.out ? path.resolve(flags.out) : defaultDemoDir();
  const seed = intFlag('seed', flags.seed, 1);
  const { startIntercomEmulator } = await import('../../emulators/intercom');
  const emulator = await startIntercomEmulator({
    seed,
    size: { conversations: intFlag('conversations', flags.conversations, 200) },
    faults: flags.faults ? { seed, serverErrorRate: 0.03, connectionResetRate: 0.01 } : undefined,
  });
  try {
    registerSecret(emulator.token);
    const connection: IntercomConnection = { baseUrl: emulator.baseUrl, customBaseUrl: true, token: emulator.token };
    const { workspace, rateLimitPer10s } = await preflight(connection);
    const now = new Date().toISOString();
    const settings: Settings = {
      version: 1,
      workspace,
      intercomBaseUrl: emulator.baseUrl,
      customBaseUrl: true,
      options: { allConversations: true, contactReferenceField: '' },
      rateLimitPer10s,
      createdAt: now,
      updatedAt: now,
    };
    saveSettings(outDir, settings);
    const logger = createCliLogger(outDir);
    out.line(`Intercom emulator: ${emulator.baseUrl}, workspace "${workspace.name}" (${workspace.id}), seed ${seed}`);
    out.line(`Output folder: ${outDir}`);
    const common = {
      outDir,
      connection,
      settings,
      logger,
      resumeCommand: `npm run airdrop -- demo --out ${outDir}`,
      timeoutMs: flags.invocationTimeoutMs,
      summary: false,
    };
    const imported = await runAndReport({ ...common, kind: 'import', expected: expectedCounts(emulator) });

    const changes = emulator.workspace.mutate.applyRandomChanges({ seed, count: intFlag('changes', flags.changes, 25) });
    const described = Object.entries(changes)
      .map(([kind, c]) => `${kind} +${c.created.length} ~${c.updated.length} -${c.deleted.length}`)
      .join(', ');
    out.line(`Changed the workspace: ${described}`);
    const synced = await runAndReport({ ...common, kind: 'sync' });

    const written = await writeReport(outDir);
    printSummary(written.report, written);
    return { ...written, runIds: [...imported.runIds, ...synced.runIds] };
  } finally {
    await emulator.close();
  }
}

export function registerDemo(program: Command, run: (work: () => Promise<unknown>) => Promise<void>): void {
  program
    .command('demo')
    .description('import and sync a generated workspace on the embedded emulators, then write the report')
    .option('--out <dir>', 'output folder (default ./.airdrop-demo/<timestamp>)')
    .option('--seed <seed>', 'workspace seed', '1')
    .option('--conversations <n>', 'conversations to generate', '200')
    .option('--changes <n>', 'random changes between the import and the sync', '25')
    .option('--faults', 'inject Intercom faults (5xx, connection resets) to show the retries')
    .action((flags: DemoFlags) => run(() => demoCommand(flags)));
}
