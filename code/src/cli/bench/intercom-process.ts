/**
 * The bench's Intercom emulator, in a process of its own (so the snap-in side's memory is measured
 * alone). Started with `fork`; options as JSON in argv[2]. Messages: `reset` (start counting a run),
 * `faults` (replace the faults), `traffic` (answers the run's {@link Traffic}), `close`.
 */
import { startIntercomEmulator, type FaultOptions, type IntercomEmulatorOptions } from '../../emulators/intercom';
import { countRequest, emptyTraffic } from './traffic';

type Command = { cmd: 'reset' } | { cmd: 'faults'; faults: FaultOptions } | { cmd: 'traffic' } | { cmd: 'close' };

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as IntercomEmulatorOptions;
  const emulator = await startIntercomEmulator(options);
  let traffic = emptyTraffic();
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  emulator.onRequest((entry) => countRequest(traffic, entry, cpuMs()));
  process.on('message', (message: Command) => {
    if (message.cmd === 'reset') traffic = emptyTraffic();
    if (message.cmd === 'faults') emulator.setFaults(message.faults);
    if (message.cmd === 'close') void emulator.close().then(() => process.exit(0));
    if (message.cmd === 'traffic' || message.cmd === 'reset' || message.cmd === 'faults') process.send?.({ traffic });
  });
  const ws = emulator.workspace;
  process.send?.({
    ready: { baseUrl: emulator.baseUrl, token: emulator.token, conversations: ws.conversationIndex().length },
  });
}

main().catch((error: Error) => {
  process.stderr.write(`bench Intercom emulator: ${error.message}\n`);
  process.exit(1);
});
