/** Flags and helpers shared by the commands. */
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { CliError, ExitCode } from '../cli-error';
import { REGIONS } from '../../intercom/regions';
import { TOKEN_HELP } from '../connection';

/** Adds `--region`, `--intercom-url` and `--token` to a command. */
export function withConnectionFlags(command: Command): Command {
  return command
    .addOption(new Option('--region <region>', 'Intercom region of the workspace (default: the one /me names)').choices([...REGIONS]))
    .option('--intercom-url <url>', 'base URL of an Intercom API (e.g. an emulator); with --region, the region is checked against /me')
    .option('--token <token>', TOKEN_HELP);
}

/** The output folder as an absolute path; a clear error when missing. */
export function outDirOf(flags: { out?: string }, command: string): string {
  if (!flags.out) throw new CliError(`${command} needs --out <folder>.`, ExitCode.usage);
  return path.resolve(flags.out);
}

/** The command a user runs to continue, shown after a stop or failure. */
export function resumeHint(command: string, outDir: string): string {
  return `npm run airdrop -- ${command} --out ${outDir}`;
}
