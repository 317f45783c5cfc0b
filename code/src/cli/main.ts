#!/usr/bin/env node
/**
 * `npm run airdrop -- <command>`: the CLI of the Intercom → DevRev snap-in. Every command drives the REAL
 * snap-in functions through the Airdrop platform emulator; see `--help` for the commands.
 *
 * Exit codes: 0 ok, 1 failure, 2 usage, 3 token rejected, 4 Intercom unreachable, 5 disk full,
 * 6 output folder of another workspace, 130 stopped by Ctrl-C (run the same command again to resume).
 */
import { Command, CommanderError } from 'commander';
import { ExitCode, toCliError } from './cli-error';
import { registerDelete } from './commands/delete';
import { registerDemo } from './commands/demo';
import { registerEmulateIntercom } from './commands/emulate-intercom';
import { registerEstimate } from './commands/estimate';
import { registerImport } from './commands/import';
import { registerReport } from './commands/report';
import { registerSync } from './commands/sync';
import { out } from './output';
import { redact, registerSecret } from './secrets';

// The platform layer logs to the terminal; keep it for progress and our one-line errors unless --verbose.
// What it would warn about (skipped attachments, retries) is in the report.
process.env.ADAAS_LOG_LEVEL ??= process.argv.includes('--verbose') ? 'info' : 'error';

/** Builds the program; `run` wraps each action so every failure ends as one line and an exit code. */
export function buildProgram(): Command {
  const program = new Command();
  let outDirForErrors: string | undefined;
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
      process.exitCode = ExitCode.ok;
    } catch (err) {
      const error = toCliError(err, { outDir: outDirForErrors });
      out.error(`Error: ${error.message}`);
      process.exitCode = error.exitCode;
    }
  };
  program
    .name('airdrop')
    .description('Intercom → DevRev Airdrop snap-in: import, sync, estimate, report, demo, emulators')
    .option('--verbose', "show the snap-in's own log lines (platform layer) on the terminal")
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 failure, 2 usage, 3 token rejected, 4 Intercom unreachable, 5 disk full,\n' +
        '6 output folder of another workspace, 130 stopped by Ctrl-C (run the same command again to resume).',
    )
    .configureOutput({
      writeOut: (text) => process.stdout.write(redact(text)),
      writeErr: (text) => process.stderr.write(redact(text)),
    })
    .exitOverride()
    .hook('preAction', (_program, action) => {
      outDirForErrors = (action.opts() as { out?: string }).out;
    });
  registerDemo(program, run);
  registerImport(program, run);
  registerSync(program, run);
  registerEstimate(program, run);
  registerReport(program, run);
  registerDelete(program, run);
  registerEmulateIntercom(program, run);
  return program;
}

/** Registers the token of the command line and the environment before anything can print. */
function registerSecretsOf(argv: string[]): void {
  registerSecret(process.env.INTERCOM_TOKEN);
  argv.forEach((arg, i) => {
    if (arg === '--token') registerSecret(argv[i + 1]);
    else if (arg.startsWith('--token=')) registerSecret(arg.slice('--token='.length));
  });
}

async function main(argv: string[]): Promise<number> {
  registerSecretsOf(argv);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; usage mistakes (unknown option, bad choice) are usage errors.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const error = toCliError(err);
    out.error(`Error: ${error.message}`);
    return error.exitCode;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
}

if (require.main === module) {
  main(process.argv).then(
    // Worker threads or sockets of a stopped run must not keep the process alive.
    (code) => process.exit(code),
    (err: unknown) => {
      out.error(`Error: ${toCliError(err).message}`);
      process.exit(ExitCode.failure);
    },
  );
}
