import { startIntercomEmulator, type IntercomEmulator, type IntercomEmulatorOptions } from './index';

/** Options of the standalone emulator (what `npm run airdrop -- emulate-intercom` passes). */
export interface StandaloneOptions extends Omit<IntercomEmulatorOptions, 'size'> {
  /** Number of conversations to generate (other sizes scale with the workspace's defaults). */
  conversations?: number;
  size?: IntercomEmulatorOptions['size'];
  /** Where to print; default stdout. */
  print?: (line: string) => void;
}

/**
 * Starts the emulator for interactive use and prints its base URL and access token. The process
 * keeps running until the returned emulator is closed (or on SIGINT/SIGTERM when run as a script).
 */
export async function runStandaloneEmulator(options: StandaloneOptions = {}): Promise<IntercomEmulator> {
  const { conversations, print = (line: string) => process.stdout.write(`${line}\n`), ...rest } = options;
  const size = { ...rest.size, ...(conversations !== undefined ? { conversations } : {}) };
  const emulator = await startIntercomEmulator({ ...rest, size });
  const ws = emulator.workspace;
  print(`Intercom emulator listening on ${emulator.baseUrl}`);
  print(`  workspace ${ws.app.id_code} (${ws.app.name}, ${ws.app.timezone}), seed ${options.seed ?? 1}, ${ws.conversationIndex().length} conversations`);
  const latency = rest.latencyMs ? `, latency ~${rest.latencyMs} ms per request` : '';
  print(`  rate limit ${emulator.rateLimit().appPer10s} requests per 10 s per app${latency}`);
  print(`  access token: ${emulator.token}`);
  print(`  try: curl -H "Authorization: Bearer ${emulator.token}" -H "Intercom-Version: 2.16" ${emulator.baseUrl}/me`);
  return emulator;
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  runStandaloneEmulator({
    port: arg('port') ?? 8765, seed: arg('seed') ?? 1, conversations: arg('conversations'),
    latencyMs: arg('latency-ms'), downloadLatencyMs: arg('download-latency-ms'),
  }).then(
    (emulator) => {
      const stop = () => void emulator.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: Error) => {
      process.stderr.write(`Could not start the Intercom emulator: ${error.message}\n`);
      process.exit(1);
    },
  );
}
