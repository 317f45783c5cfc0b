import { Command } from 'commander';
import { CliError, ExitCode } from '../cli-error';
import { out } from '../output';

/** Flags of `emulate-intercom`. */
export interface EmulateFlags {
  port?: string;
  seed?: string;
  conversations?: string;
  latencyMs?: string;
  downloadLatencyMs?: string;
}

function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, not "${value}".`, ExitCode.usage);
  return n;
}

/** Starts the standalone Intercom emulator and keeps it running until Ctrl-C. */
export async function emulateIntercomCommand(flags: EmulateFlags): Promise<void> {
  const { runStandaloneEmulator } = await import('../../emulators/intercom/standalone');
  const emulator = await runStandaloneEmulator({
    port: intFlag('port', flags.port, 8765),
    seed: intFlag('seed', flags.seed, 1),
    conversations: flags.conversations === undefined ? undefined : intFlag('conversations', flags.conversations, 200),
    latencyMs: intFlag('latency-ms', flags.latencyMs, 0),
    downloadLatencyMs: flags.downloadLatencyMs === undefined ? undefined : intFlag('download-latency-ms', flags.downloadLatencyMs, 0),
    print: (line) => out.line(line),
  }).catch((err: Error & { code?: string }) => {
    if (err.code === 'EADDRINUSE') throw new CliError(`Port ${flags.port ?? 8765} is in use: pick another with --port.`, ExitCode.usage);
    throw err;
  });
  out.line('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
}

export function registerEmulateIntercom(program: Command, run: (work: () => Promise<unknown>) => Promise<void>): void {
  program
    .command('emulate-intercom')
    .description('run the Intercom emulator on its own (prints its base URL and token)')
    .option('--port <port>', 'port on 127.0.0.1', '8765')
    .option('--seed <seed>', 'workspace seed (same seed, same workspace)', '1')
    .option('--conversations <n>', 'number of conversations to generate')
    .option('--latency-ms <ms>', 'mean latency of each API request, with jitter (Intercom: about 250)', '0')
    .option('--download-latency-ms <ms>', 'mean latency of each file download (default: a fifth of --latency-ms)')
    .action((flags: EmulateFlags) => run(() => emulateIntercomCommand(flags)));
}
