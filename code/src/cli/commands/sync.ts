import { Command } from 'commander';
import { preflight, resolveConnection, type ConnectionFlags } from '../connection';
import { createCliLogger } from '../log';
import { out } from '../output';
import { runAndReport, type CommandResult } from '../run-command';
import { requireSettings, saveSettings } from '../settings';
import { assertSameWorkspace } from '../workspace-guard';
import { outDirOf, resumeHint, withConnectionFlags } from './shared';

/** Flags of `sync`: the folder, and a token (settings hold everything else). */
export interface SyncFlags extends ConnectionFlags {
  out?: string;
  invocationTimeoutMs?: number;
}

/** An incremental sync of the import in DIR, with the settings saved there. */
export async function syncCommand(flags: SyncFlags): Promise<CommandResult> {
  const outDir = outDirOf(flags, 'sync');
  const saved = requireSettings(outDir, 'sync');
  const connection = await resolveConnection(flags, saved);
  const { workspace, rateLimitPer10s } = await preflight(connection);
  assertSameWorkspace(outDir, saved, workspace);
  const settings = { ...saved, rateLimitPer10s: rateLimitPer10s ?? saved.rateLimitPer10s, updatedAt: new Date().toISOString() };
  saveSettings(outDir, settings);
  out.line(`Syncing workspace "${workspace.name}" (${workspace.id}) from ${connection.baseUrl} into ${outDir}`);
  return runAndReport({
    kind: 'sync',
    outDir,
    connection,
    settings,
    logger: createCliLogger(outDir),
    resumeCommand: resumeHint('sync', outDir),
    timeoutMs: flags.invocationTimeoutMs,
  });
}

export function registerSync(program: Command, run: (work: () => Promise<unknown>) => Promise<void>): void {
  withConnectionFlags(program.command('sync').description('incremental sync of the import in an output folder'))
    .option('--out <dir>', 'output folder of an earlier import')
    .action((flags: SyncFlags) => run(() => syncCommand(flags)));
}
