import { Command } from 'commander';
import { preflight, resolveConnection, type ConnectionFlags } from '../connection';
import { createCliLogger } from '../log';
import { out } from '../output';
import { runAndReport, type CommandResult } from '../run-command';
import { loadSettings, saveSettings, type Settings } from '../settings';
import { assertSameWorkspace } from '../workspace-guard';
import { outDirOf, resumeHint, withConnectionFlags } from './shared';

/** Flags of `import`. */
export interface ImportFlags extends ConnectionFlags {
  out?: string;
  allConversations?: boolean;
  contactRefField?: string;
  /** Soft timeout per snap-in invocation (ms). */
  invocationTimeoutMs?: number;
}

/**
 * A full import of an Intercom workspace (the real API or an emulator) into DIR. Running it again on an
 * unfinished import resumes it.
 */
export async function importCommand(flags: ImportFlags): Promise<CommandResult> {
  const outDir = outDirOf(flags, 'import');
  const saved = loadSettings(outDir);
  const connection = await resolveConnection(flags, saved);
  const { workspace, rateLimitPer10s } = await preflight(connection);
  assertSameWorkspace(outDir, saved, workspace);
  const now = new Date().toISOString();
  const settings: Settings = {
    version: 1,
    workspace,
    intercomBaseUrl: connection.baseUrl,
    region: connection.region,
    customBaseUrl: connection.customBaseUrl,
    options: {
      allConversations: flags.allConversations ?? saved?.options.allConversations ?? false,
      contactReferenceField: flags.contactRefField ?? saved?.options.contactReferenceField ?? '',
    },
    rateLimitPer10s: rateLimitPer10s ?? saved?.rateLimitPer10s,
    createdAt: saved?.createdAt ?? now,
    updatedAt: now,
  };
  saveSettings(outDir, settings);
  const logger = createCliLogger(outDir);
  out.line(`Importing workspace "${workspace.name}" (${workspace.id}, ${workspace.region}) from ${connection.baseUrl} into ${outDir}`);
  return runAndReport({
    kind: 'import',
    outDir,
    connection,
    settings,
    logger,
    resumeCommand: resumeHint('import', outDir),
    timeoutMs: flags.invocationTimeoutMs,
  });
}

export function registerImport(program: Command, run: (work: () => Promise<unknown>) => Promise<void>): void {
  withConnectionFlags(program.command('import').description('full import of an Intercom workspace into an output folder'))
    .option('--out <dir>', 'output folder (created if missing)')
    .option('--all-conversations', 'import open and snoozed conversations too (default: closed only)')
    .option('--no-all-conversations', 'closed conversations only (turns off a choice saved in the folder)')
    .option('--contact-ref-field <name>', 'contact custom attribute holding the contact reference id (default: Intercom id)')
    .action((flags: ImportFlags) => run(() => importCommand(flags)));
}
