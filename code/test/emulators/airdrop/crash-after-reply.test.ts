/**
 * A process killed after the platform accepted an invocation's reply (DevRev holds an emitted event once it
 * answered the callback): the resumed run goes on from that reply and pushes nothing twice. The kill is
 * simulated by copying the output folder at the chosen event, then resuming from the copy in a new emulator.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AirdropEmulatorInternals, AirdropEvent, RunProgress } from '../../../src/emulators/airdrop';
import { goodConnector } from './helpers/good-connector';
import { CONNECTION, readJsonl, scripted, startEmulator, tempDir } from './helpers/setup';

// 4 items an invocation: the second data reply lists two artifacts, users u4-u5 then tickets t0-t1.
const WORKSPACE = { users: 6, tickets: 6, perInvocation: 4, attachments: 0 };
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
const TICKETS = ['t0', 't1', 't2', 't3', 't4', 't5'];

/** How often each id was pushed, by item type, from the push log. */
function pushCounts(outDir: string): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const push of readJsonl(path.join(outDir, 'pushes.jsonl')) as { item_type: string; id: string }[]) {
    const ofType = (counts[push.item_type] ??= {});
    ofType[push.id] = (ofType[push.id] ?? 0) + 1;
  }
  return counts;
}

const once = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

describe('a process killed after the platform accepted a reply', () => {
  let emulator: AirdropEmulatorInternals | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  /** Runs an import until `crashAt` copies the folder (the "kill"), then resumes the copy to the end. */
  async function crashAndResume(crashAt: (outDir: string, crashDir: string) => {
    invoke?: (handler: ReturnType<typeof goodConnector>) => ReturnType<typeof scripted>;
    onProgress?: (p: RunProgress) => void;
  }) {
    const outDir = tempDir();
    const crashDir = path.join(tempDir(), 'crashed');
    const handler = goodConnector(WORKSPACE);
    const hooks = crashAt(outDir, crashDir);
    emulator = await startEmulator(outDir);
    const first = await emulator.runImport({ invoke: hooks.invoke?.(handler) ?? scripted(handler), connection: CONNECTION, onProgress: hooks.onProgress });
    expect(first.status).toBe('done');
    expect(fs.existsSync(crashDir)).toBe(true);
    await emulator.close();

    fs.rmSync(path.join(crashDir, 'runs.jsonl'), { force: true });
    emulator = await startEmulator(crashDir);
    const seen: AirdropEvent[] = [];
    const resumed = await emulator.runImport({ invoke: scripted(handler, seen), connection: CONNECTION });
    return { crashDir, resumed, first, seen };
  }

  it('killed during the ingest of a two-artifact reply (users pushed, tickets not yet): each item pushed once', async () => {
    const { crashDir, resumed, first, seen } = await crashAndResume((outDir, crashDir) => ({
      onProgress: (p) => {
        // The users artifact of the second data reply is in the store and the push log; its tickets are not.
        if (p.type === 'artifact' && p.artifact?.itemType === 'users' && p.artifact.itemCount === 2) {
          fs.cpSync(outDir, crashDir, { recursive: true });
        }
      },
    }));
    expect(resumed.error).toBeUndefined();
    expect(resumed.runId).toBe(first.runId);
    expect(pushCounts(crashDir)).toEqual({ users: once(USERS), tickets: once(TICKETS) });
    // The accepted reply is not asked for again: only the third data invocation remains.
    expect(seen.map((e) => e.payload.event_type)).toEqual(['CONTINUE_EXTRACTING_DATA', 'START_EXTRACTING_ATTACHMENTS']);
    expect(readJsonl(path.join(crashDir, 'items', 'tickets.jsonl')).map((t) => t.id)).toEqual(TICKETS);
    expect(resumed.items.tickets).toEqual({ received: 6, new: 6, updated: 0 });
  });

  it('killed after its reply was accepted but before the function returned: the reply is not asked for again', async () => {
    let dataCalls = 0;
    const { crashDir, resumed, seen } = await crashAndResume((outDir, crashDir) => ({
      invoke: (handler) => scripted(async (type, client, event) => {
        await handler(type, client, event);
        if (type.endsWith('EXTRACTING_DATA') && ++dataCalls === 2) fs.cpSync(outDir, crashDir, { recursive: true });
      }),
    }));
    expect(resumed.error).toBeUndefined();
    expect(pushCounts(crashDir)).toEqual({ users: once(USERS), tickets: once(TICKETS) });
    expect(seen.map((e) => e.payload.event_type)).toEqual(['CONTINUE_EXTRACTING_DATA', 'START_EXTRACTING_ATTACHMENTS']);
  });
});
