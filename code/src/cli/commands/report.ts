import * as fs from 'node:fs';
import { Command } from 'commander';
import { CliError, ExitCode } from '../cli-error';
import { writeReport } from '../report/write';
import type { CommandResult } from '../run-command';
import { printSummary } from '../summary';
import { outDirOf } from './shared';

/** Writes `report.json` and `report.html` again from what DIR holds. */
export async function reportCommand(flags: { out?: string }): Promise<CommandResult> {
  const outDir = outDirOf(flags, 'report');
  if (!fs.existsSync(outDir)) throw new CliError(`${outDir} does not exist: give the --out folder of an import.`, ExitCode.usage);
  const written = await writeReport(outDir);
  printSummary(written.report, written);
  return { ...written, runIds: written.report.runs.map((r) => r.runId) };
}

export function registerReport(program: Command, run: (work: () => Promise<unknown>) => Promise<void>): void {
  program
    .command('report')
    .description('write report.json and report.html again from an output folder')
    .option('--out <dir>', 'output folder of an import')
    .action((flags: { out?: string }) => run(() => reportCommand(flags)));
}
