import { Command } from 'commander';
import { createCliLogger } from '../log';
import { out } from '../output';
import { runPipeline } from '../pipeline';
import { writeReport } from '../report/write';
import { runFailure } from '../run-command';
import { registerSecret } from '../secrets';
import { requireSettings } from '../settings';
import { outDirOf, resumeHint } from './shared';

/** Flags of `delete`. */
export interface DeleteFlags {
  out?: string;
  token?: string;
}

/**
 * Runs the delete phase on the import in DIR: the connector drops its extractor and attachments state; the
 * items already in DIR stay (they are what was imported).
 */
export async function deleteCommand(flags: DeleteFlags): Promise<{ runId: string }> {
  const outDir = outDirOf(flags, 'delete');
  const settings = requireSettings(outDir, 'delete');
  // The delete phase does not call Intercom; a token is passed along only when one is at hand.
  const token = flags.token ?? process.env.INTERCOM_TOKEN ?? '';
  registerSecret(token);
  const connection = {
    baseUrl: settings.intercomBaseUrl,
    region: settings.region,
    customBaseUrl: settings.customBaseUrl,
    token,
  };
  const result = await runPipeline({
    kind: 'delete',
    outDir,
    connection,
    settings,
    logger: createCliLogger(outDir),
    resumeCommand: resumeHint('delete', outDir),
  });
  const written = await writeReport(outDir);
  if (result.status !== 'done') throw runFailure('delete', result.error ?? 'no message', outDir);
  out.line(`Deleted the connector's state of the import in ${outDir} (run ${result.runId}).`);
  out.line(`Report: ${written.htmlPath}`);
  return { runId: result.runId };
}

export function registerDelete(program: Command, run: (work: () => Promise<unknown>) => Promise<void>): void {
  program
    .command('delete')
    .description("run the delete phase: drop the connector's state for the import in an output folder")
    .option('--out <dir>', 'output folder of an earlier import')
    .option('--token <token>', 'Intercom access token (optional here; default $INTERCOM_TOKEN)')
    .action((flags: DeleteFlags) => run(() => deleteCommand(flags)));
}
