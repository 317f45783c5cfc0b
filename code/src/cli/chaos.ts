/**
 * `npm run chaos`: an import and a sync under faults — SIGKILLs at seeded random points, 5 % 5xx,
 * connection resets, malformed and truncated pages, a soft timeout every 5 s, and the token revoked
 * then restored — must end with exactly the store of a fault-free run, and the platform's push log
 * must show each item pushed once per import and once per change per sync.
 *
 * Kills land on events, never on clocks: a snap-in process (bench/snap-in-process.ts) is killed when
 * the Intercom emulator has answered a seeded number of its requests (`--kill-on request`, a crash of
 * the connector mid-invocation), or once the platform emulator has recorded a seeded number (1–3) of
 * its artifacts in `pushes.jsonl` (`--kill-on push`: the kill lands between the platform's ingest and
 * its saved position; the CLI's platform emulator shares the process). The token is revoked at a
 * seeded request. Prints kills survived and items
 * compared; exits 1 when anything was lost, changed or pushed twice, or fewer kills than asked happened.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command } from 'commander';
import { startIntercomEmulator, type IntercomEmulator, type IntercomEmulatorOptions } from '../emulators/intercom';
import { seededRandom } from '../emulators/intercom/random';
import { forkSnapIn } from './bench/fork-snap-in';
import { compareStores, pushesByKind } from './chaos/compare';
import { out } from './output';

type Kind = 'import' | 'sync';
interface ChildOutcome { status: string; error?: string; killed: boolean }

/** Soft timeout of an invocation under chaos (the hard one is 1.3 ×; a loaded machine needs the margin). */
const SOFT_TIMEOUT_MS = 5000;
/** A run that needs more snap-in processes than this is stuck, not resuming. */
const MAX_PROCESSES_PER_RUN = 200;
const FAULTS = { serverErrorRate: 0.05, connectionResetRate: 0.02, malformedBodyRate: 0.02, truncatedBodyRate: 0.01 };

/** Distinct artifacts recorded in `pushes.jsonl` after byte `from`. */
function artifactsSince(file: string, from: number): number {
  if (!fs.existsSync(file)) return 0;
  const text = fs.readFileSync(file, 'utf8').slice(from);
  return new Set(text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { artifact: string }).artifact)).size;
}

/** When a snap-in process is killed: after so many artifacts recorded in the push log, or so many Intercom requests. */
type KillPoint = { on: 'push'; artifacts: number } | { on: 'request'; requests: number };

/** One snap-in process; SIGKILLed at `kill` (if given). */
function runProcess(kind: Kind, intercom: IntercomEmulator, outDir: string, chaos: { kill?: KillPoint } | undefined): Promise<ChildOutcome> {
  const options = { kind, baseUrl: intercom.baseUrl, token: intercom.token, outDir, ...(chaos ? { timeoutMs: SOFT_TIMEOUT_MS } : {}) };
  const child = forkSnapIn(options, ['--import', 'tsx']);
  fs.mkdirSync(outDir, { recursive: true });
  const pushLog = path.join(outDir, 'pushes.jsonl');
  const startedAt = fs.existsSync(pushLog) ? fs.statSync(pushLog).size : 0;
  let killed = false;
  const killNow = () => {
    killed = true;
    child.kill('SIGKILL');
  };
  const kill = chaos?.kill;
  const watcher = kill?.on !== 'push' ? undefined : fs.watch(outDir, (_event, name) => {
    if (!killed && name === 'pushes.jsonl' && artifactsSince(pushLog, startedAt) >= kill.artifacts) killNow();
  });
  let requests = 0;
  const off = kill?.on !== 'request' ? undefined : intercom.onRequest(() => {
    requests += 1;
    if (!killed && requests === kill.requests) killNow();
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => {
    child.on('exit', () => {
      watcher?.close();
      off?.();
      if (killed) return resolve({ status: 'killed', killed: true });
      try {
        resolve({ ...(JSON.parse(stdout.trim().split('\n').pop() ?? '') as { status: string; error?: string }), killed: false });
      } catch {
        resolve({ status: 'error', error: `the snap-in process ended without a result: ${stdout.slice(-300)}`, killed: false });
      }
    });
  });
}

/**
 * A sync process makes a few dozen requests (its preflight and run start alone about ten), far fewer
 * than an import's: its kill points come early enough that it is killed several times before it ends.
 */
const SYNC_KILL_FLOOR = 3;
/** A sync process may push only one or two artifacts (no change to a kind, no files): it is killed at its first. */
const SYNC_PUSH_KILL = 1;

/** Runs `kind` to completion through kills (while `kills` < `killTarget`) and one token revocation. */
async function runThroughChaos(kind: Kind, intercom: IntercomEmulator, outDir: string, chaos: ChaosOptions, killTarget: number, tally: { kills: number; revoked: number }) {
  const random = chaos.random;
  let revokeArmed = true;
  for (let n = 0; n < MAX_PROCESSES_PER_RUN; n++) {
    const kill: KillPoint | undefined = tally.kills >= killTarget ? undefined
      : chaos.killOn === 'push' ? { on: 'push', artifacts: kind === 'import' ? 1 + Math.floor(random() * 3) : SYNC_PUSH_KILL }
      : { on: 'request', requests: kind === 'import' ? 10 + Math.floor(random() * 60) : SYNC_KILL_FLOOR + Math.floor(random() * 12) };
    // In the third process of the run, the token is revoked at a seeded request of it.
    let off: (() => void) | undefined;
    if (revokeArmed && n === 2) {
      const at = 5 + Math.floor(random() * 40);
      let seen = 0;
      off = intercom.onRequest(() => {
        seen += 1;
        if (seen === at) intercom.revokeToken();
      });
    }
    const outcome = await runProcess(kind, intercom, outDir, { kill });
    off?.();
    if (off) {
      revokeArmed = false;
      intercom.restoreToken();
      tally.revoked += 1;
    }
    if (outcome.killed) tally.kills += 1;
    else if (outcome.status === 'done') return;
    else out.line(`  ${kind}: the run stopped (${outcome.error ?? outcome.status}); running it again resumes it`);
  }
  throw new Error(`${kind} did not complete in ${MAX_PROCESSES_PER_RUN} processes`);
}

interface ChaosOptions { random: () => number; kills: number; killOn: 'push' | 'request' }

/** Import, changes, sync: without faults (the reference) or through chaos. */
async function importAndSync(o: { seed: number; conversations: number; outDir: string; port?: number; chaos?: ChaosOptions }) {
  // Both runs use the same port: file URLs, and the attachment ids derived from them, name the emulator's address.
  const options: IntercomEmulatorOptions = { seed: o.seed, size: { conversations: o.conversations }, scrollIdleMs: 2000, port: o.port };
  const intercom = await startIntercomEmulator(o.chaos ? { ...options, faults: { seed: o.seed, ...FAULTS } } : options);
  const port = Number(new URL(intercom.baseUrl).port);
  const tally = { kills: 0, revoked: 0 };
  try {
    for (const kind of ['import', 'sync'] as const) {
      if (kind === 'sync') intercom.workspace.mutate.applyRandomChanges({ seed: o.seed, count: 25 });
      if (o.chaos) await runThroughChaos(kind, intercom, o.outDir, o.chaos, kind === 'import' ? Math.ceil(o.chaos.kills * 0.7) : o.chaos.kills, tally);
      else {
        const outcome = await runProcess(kind, intercom, o.outDir, undefined);
        if (outcome.status !== 'done') throw new Error(`the fault-free ${kind} failed: ${outcome.error ?? outcome.status}`);
      }
      out.line(`  ${kind} done${o.chaos ? ` (kills so far: ${tally.kills})` : ''}`);
    }
  } finally {
    await intercom.close();
  }
  return { ...tally, port };
}

async function main(): Promise<void> {
  const flags = new Command()
    .option('--seed <n>', 'seed of the workspace, faults and kill points', '7')
    .option('--conversations <n>', 'workspace size', '60')
    .option('--kills <n>', 'SIGKILLs to survive (at least)', '20')
    .option('--kill-on <event>', "request: after a seeded number of the process's Intercom requests; push: after 1–3 artifacts recorded by the platform emulator", 'request')
    .option('--keep', 'keep the output folders')
    .parse(process.argv)
    .opts<{ seed: string; conversations: string; kills: string; killOn: string; keep?: boolean }>();
  if (flags.killOn !== 'request' && flags.killOn !== 'push') throw new Error('--kill-on is request or push');
  const seed = Number(flags.seed);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'airdrop-chaos-'));
  const referenceDir = path.join(root, 'reference');
  const chaosDir = path.join(root, 'chaos');
  try {
    out.line(`Chaos: ${flags.conversations} conversations, seed ${seed}; fault-free reference first`);
    const { port } = await importAndSync({ seed, conversations: Number(flags.conversations), outDir: referenceDir });
    out.line('Under chaos');
    const tally = await importAndSync({ seed, conversations: Number(flags.conversations), outDir: chaosDir, port, chaos: { random: seededRandom(seed), kills: Number(flags.kills), killOn: flags.killOn } });
    const store = compareStores(referenceDir, chaosDir);
    const reference = pushesByKind(referenceDir);
    const chaos = pushesByKind(chaosDir);
    const twice = [...(chaos.import?.twice ?? []), ...(chaos.sync?.twice ?? [])];
    const syncPushesMissing = [...(reference.sync?.pushed ?? [])].filter((k) => !chaos.sync?.pushed.has(k));
    const summary = {
      kills_survived: tally.kills,
      token_revocations: tally.revoked,
      items_compared: store.itemsCompared,
      files_compared: store.filesCompared,
      lost: store.lost.length,
      extra: store.extra.length,
      differing: store.differing.length,
      files_differing: store.filesDiffering.length,
      pushed_twice_in_a_run: twice.length,
      sync_pushes_missing: syncPushesMissing.length,
    };
    out.line(JSON.stringify(summary));
    for (const [what, list] of Object.entries({ lost: store.lost, extra: store.extra, differing: store.differing, files: store.filesDiffering, twice, syncPushesMissing })) {
      if (list.length > 0) out.line(`  ${what}: ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}`);
    }
    const failed = Object.entries(summary).some(([k, v]) => !['kills_survived', 'token_revocations', 'items_compared', 'files_compared'].includes(k) && v > 0);
    if (failed || tally.kills < Number(flags.kills)) process.exitCode = 1;
  } finally {
    if (flags.keep) out.line(`Output folders kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => {
    out.error(`Error: ${error.message}`);
    process.exit(1);
  },
);
