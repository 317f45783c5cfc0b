/**
 * `npm run bench`: imports at Intercom's default limit (1,667 requests per 10 s) with real latency
 * (250 ms per request by default), reported as ratios and counts so the figures mean the same on any
 * machine. Per size (3,000 and 50,000 conversations; `--quick`: 3,000 only): a clean import, a sync
 * with nothing changed, and the same import with faults (3 % 5xx, 1 % connection resets). The
 * Intercom emulator runs in a process of its own and each snap-in run in another, so `peak_rss_mb` is
 * the snap-in side's alone (CLI, workers, platform emulator). Each run starts at a new rate-limit
 * window (`nextRateLimitWindow`). Writes `bench/results.json`. The
 * snap-in side runs as DevRev runs it, compiled JS (`npm run build`'s, made when the bench starts;
 * `snap_in_runtime`), not tsx; the Intercom emulator's process stays on tsx.
 *
 * The workspace has issue 11's reference shape (`bench/workspace-shape.ts`): per conversation about
 * 17 parts, 1.33 contacts and 1 file (the generator's file sizes), through generator options
 * (`maxPartsPerConversation`, `contacts`, `fileShare`) that only the bench sets. Each record names it
 * (`workspace_shape`) with what the import found: `parts_per_conversation`, `contacts_per_conversation`,
 * `files_per_conversation` (downloads) and `attachment_mb`.
 *
 * - `floor_seconds`: requests ÷ the allowed rate, the least time the limit allows;
 * - `wall_over_floor`: the API phase's wall time (first to last API request) over that floor;
 * - `utilization`: share of the allowed rate used during the API phase (floor ÷ API time);
 * - `attachments_over_api`: the attachments phase's time over the API phase's;
 * - `attachment_cpu_ms_per_mb`, `intercom_download_cpu_ms_per_mb`: CPU per MB of files during the
 *   attachments phase, of the snap-in side (worker, CLI, platform emulator) and of the Intercom
 *   emulator serving them: on a shared machine the phase's speed is bounded by their sum;
 * - `api_cpu_ms_per_conversation`, `api_cpu_share`: the snap-in process's CPU time (all its threads)
 *   during the API phase, per conversation and per second of that phase (near the cores it may use:
 *   the import is CPU-bound, not waiting for Intercom); CPU time is less stretched by load than wall time;
 * - `cpus`, `load_avg_mean`, `load_avg_max`: the machine's load during the run (a shared machine's
 *   load stretches every time ratio);
 * - `requests_by_route`, `in_flight_by_second`: where the requests went, and the API requests in
 *   flight averaged over each second of the API phase (allowed rate × latency is the most useful);
 * - `estimate_over_api_seconds`, `estimate_over_attachment_seconds`: what `estimate` predicted before
 *   the import over what it measured (target 0.8–1.2).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command } from 'commander';
import type { FaultOptions } from '../emulators/intercom';
import { estimateCommand } from './commands/estimate';
import { out } from './output';
import { airdropLaunch } from './bench/airdrop-launch';
import { forkSnapIn } from './bench/fork-snap-in';
import { buildSnapIn } from './bench/snap-in-build';
import { inFlightTimeline, type Traffic } from './bench/traffic';
import { workspaceHeapMb } from './bench/workspace-heap';
import { cpuMsBetween, type CpuSamples } from './bench/cpu';
import { REFERENCE_SHAPE_LABEL, referenceShapeOptions } from './bench/workspace-shape';

interface SnapInResult {
  status: string;
  error?: string;
  wallSeconds: number;
  received: Record<string, number>;
  rateLimitPer10s?: number;
  peakRssMb: number;
  cpuSamples?: CpuSamples;
}

/**
 * The Intercom emulator's process: a small young generation (2 MB semi-spaces instead of V8's up to
 * 16 MB per isolate); no old-generation cap, its 50,000-conversation workspace needs more.
 */
const CHILD_EXEC_ARGV = ['--max-semi-space-size=2', '--import', 'tsx'];
/**
 * The snap-in side runs as `npm run airdrop` runs the CLI (package.json's flags: `bench/airdrop-launch.ts`),
 * so `peak_rss_mb` is what a user's import takes.
 */
const SNAP_IN_LAUNCH = airdropLaunch();
/**
 * How the bench's snap-in processes run (each record's `snap_in_runtime`): compiled JS, built once
 * when the bench starts (`bench/snap-in-build.ts`), as DevRev runs the deployed package.
 */
const SNAP_IN_RUNTIME = 'compiled';
const DEFAULT_LIMIT_PER_10S = Math.round(10_000 / 6);

/** The Intercom emulator process: ready with its URL and token; answers traffic questions. */
class IntercomProcess {
  private constructor(private readonly child: ChildProcess, readonly baseUrl: string, readonly token: string, readonly conversations: number) {}

  static start(options: object): Promise<IntercomProcess> {
    const child = fork(path.join(__dirname, 'bench', 'intercom-process.ts'), [JSON.stringify(options)], { execArgv: CHILD_EXEC_ARGV });
    return new Promise((resolve, reject) => {
      child.once('message', (m: { ready: { baseUrl: string; token: string; conversations: number } }) =>
        resolve(new IntercomProcess(child, m.ready.baseUrl, m.ready.token, m.ready.conversations)),
      );
      child.once('exit', (code) => reject(new Error(`the Intercom emulator exited (${code})`)));
    });
  }

  ask(message: object): Promise<Traffic> {
    return new Promise((resolve) => {
      this.child.once('message', (m: { traffic: Traffic }) => resolve(m.traffic));
      this.child.send(message);
    });
  }

  close(): void {
    this.child.send({ cmd: 'close' });
  }
}

function runSnapIn(entry: string, options: { kind: 'import' | 'sync'; baseUrl: string; token: string; outDir: string }): Promise<SnapInResult> {
  const child = forkSnapIn(options, SNAP_IN_LAUNCH.nodeFlags, SNAP_IN_LAUNCH.env, entry);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return new Promise((resolve) => {
    child.on('exit', () => {
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as SnapInResult);
      } catch {
        resolve({ status: 'error', error: `no result from the snap-in process: ${last.slice(0, 200)}`, wallSeconds: 0, received: {}, peakRssMb: 0 });
      }
    });
  });
}

/**
 * The machine's 1-minute load average during a run, sampled every 5 s, beside the CPUs: the time
 * ratios are only comparable between runs on an equally loaded machine.
 */
function sampleLoad(): { stop(): { cpus: number; load_avg_mean: number; load_avg_max: number } } {
  const samples = [os.loadavg()[0]];
  const timer = setInterval(() => samples.push(os.loadavg()[0]), 5_000);
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(os.loadavg()[0]);
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
      return { cpus: os.cpus().length, load_avg_mean: round(mean, 1), load_avg_max: round(Math.max(...samples), 1) };
    },
  };
}

/** Item types that are not Intercom objects a sync lists (parts come inside conversations). */
const NOT_OBJECTS = new Set(['conversation_parts', 'attachments', 'ssor_attachment', 'external_domain_metadata', 'external_sync_units']);

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

type BenchRecord = Record<string, number | string | undefined>;

function recordOf(run: string, conversations: number, result: SnapInResult, traffic: Traffic): BenchRecord {
  const limit = result.rateLimitPer10s ?? DEFAULT_LIMIT_PER_10S;
  const apiSeconds = traffic.apiFirstAt === undefined ? 0 : (traffic.apiLastAt! - traffic.apiFirstAt) / 1000;
  const attachmentSeconds = traffic.downloadFirstAt === undefined ? 0 : (traffic.downloadLastAt! - traffic.downloadFirstAt) / 1000;
  const floorSeconds = (traffic.requests * 10) / limit;
  const apiCpuMs = cpuMsBetween(result.cpuSamples, traffic.apiFirstAt, traffic.apiLastAt);
  const downloadMb = traffic.downloadBytes / 1e6;
  const attachmentCpuMs = cpuMsBetween(result.cpuSamples, traffic.downloadFirstAt, traffic.downloadLastAt);
  const intercomCpuMs = traffic.downloadCpuFirstMs === undefined ? undefined : traffic.downloadCpuLastMs! - traffic.downloadCpuFirstMs;
  const perMb = (ms: number | undefined) => (ms === undefined || downloadMb < 1 ? undefined : round(ms / downloadMb, 1));
  return {
    run,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    workspace_shape: REFERENCE_SHAPE_LABEL,
    snap_in_runtime: SNAP_IN_RUNTIME,
    conversations,
    requests: traffic.requests,
    requests_per_conversation: round(traffic.requests / conversations, 3),
    status_429: traffic.status429,
    status_5xx: traffic.status5xx,
    connection_resets: traffic.resets,
    downloads: traffic.downloads,
    attachment_mb: Math.round(traffic.downloadBytes / 1e6),
    api_seconds: round(apiSeconds, 1),
    attachment_seconds: round(attachmentSeconds, 1),
    wall_seconds: round(result.wallSeconds, 1),
    floor_seconds: round(floorSeconds, 1),
    wall_over_floor: floorSeconds > 0 ? round(apiSeconds / floorSeconds) : undefined,
    utilization: apiSeconds > 0 ? round(floorSeconds / apiSeconds) : undefined,
    attachments_over_api: apiSeconds > 0 ? round(attachmentSeconds / apiSeconds) : undefined,
    peak_rss_mb: Math.round(result.peakRssMb),
    api_cpu_ms_per_conversation: apiCpuMs === undefined ? undefined : round(apiCpuMs / conversations, 1),
    api_cpu_share: apiCpuMs === undefined || apiSeconds === 0 ? undefined : round(apiCpuMs / 1000 / apiSeconds),
    attachment_mb_per_s: attachmentSeconds > 0 ? round(downloadMb / attachmentSeconds) : undefined,
    attachment_cpu_ms_per_mb: perMb(attachmentCpuMs),
    intercom_download_cpu_ms_per_mb: perMb(intercomCpuMs),
  };
}

/** The workspace's shape as the import found it, per conversation. */
function shapeFound(conversations: number, result: SnapInResult, traffic: Traffic): BenchRecord {
  const per = (n: number | undefined) => round((n ?? 0) / conversations);
  return {
    parts_per_conversation: per(result.received.conversation_parts),
    contacts_per_conversation: per(result.received.contacts),
    files_per_conversation: per(traffic.downloads),
  };
}

/** Intercom's rate-limit windows: fixed, on multiples of 10 s of the clock. */
const RATE_LIMIT_WINDOW_MS = 10_000;

/**
 * Waits for the next rate-limit window, so that every run starts as a user's does, with a whole
 * window (which `floor_seconds` assumes), and the runs compare like with like (faulted / clean): the
 * run before (the estimate's requests, the sync) spent part of the window it ended in, and where in
 * its window a run starts moves a 3,000-conversation import's API phase by seconds.
 */
async function nextRateLimitWindow(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, RATE_LIMIT_WINDOW_MS - (Date.now() % RATE_LIMIT_WINDOW_MS) + 50));
}

async function benchSize(snapInEntry: string, conversations: number, latencyMs: number, seed: number, records: BenchRecord[], withFaults = true): Promise<void> {
  const intercom = await IntercomProcess.start({ seed, ...referenceShapeOptions(conversations), latencyMs });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'airdrop-bench-'));
  const faultedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'airdrop-bench-faults-'));
  const run = async (label: string, kind: 'import' | 'sync', dir: string, extra: (r: BenchRecord) => void = () => {}) => {
    await intercom.ask({ cmd: 'reset' });
    await nextRateLimitWindow();
    const load = sampleLoad();
    const result = await runSnapIn(snapInEntry, { kind, baseUrl: intercom.baseUrl, token: intercom.token, outDir: dir });
    const traffic = await intercom.ask({ cmd: 'traffic' });
    const record = recordOf(label, intercom.conversations, result, traffic);
    if (kind === 'import') Object.assign(record, shapeFound(intercom.conversations, result, traffic));
    Object.assign(record, load.stop());
    extra(record);
    record.requests_by_route = JSON.stringify(traffic.byRoute);
    record.in_flight_by_second = JSON.stringify(inFlightTimeline(traffic));
    records.push(record);
    out.line(JSON.stringify(record));
    return { record, result };
  };
  try {
    // What `estimate` predicts, next to what the import then measures.
    const estimate = await estimateCommand({ intercomUrl: intercom.baseUrl, token: intercom.token, allConversations: true });
    const { record: clean, result: imported } = await run('import', 'import', outDir, (r) => {
      r.estimated_requests = estimate.requests;
      r.estimated_api_seconds = estimate.apiSeconds;
      r.estimated_attachment_seconds = estimate.attachments.seconds ?? undefined;
      r.estimate_over_api_seconds = Number(r.api_seconds) > 0 ? round(estimate.apiSeconds / Number(r.api_seconds)) : undefined;
      const attachmentSeconds = Number(r.attachment_seconds);
      r.estimate_over_attachment_seconds = estimate.attachments.seconds !== null && attachmentSeconds > 0 ? round(estimate.attachments.seconds / attachmentSeconds) : undefined;
    });
    const objects = Object.entries(imported.received)
      .filter(([type]) => !NOT_OBJECTS.has(type))
      .reduce((n, [, count]) => n + count, 0);
    await run('no-change sync', 'sync', outDir, (r) => {
      r.objects = objects;
      r.requests_per_150_objects = round((Number(r.requests) * 150) / Math.max(1, objects));
    });
    if (!withFaults) return;
    const faults: FaultOptions = { seed, serverErrorRate: 0.03, connectionResetRate: 0.01 };
    await intercom.ask({ cmd: 'faults', faults });
    await run('import with faults (3% 5xx, 1% resets)', 'import', faultedDir, (r) => {
      r.faulted_over_clean = round(Number(r.wall_seconds) / Number(clean.wall_seconds));
    });
  } finally {
    intercom.close();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(faultedDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const program = new Command()
    .option('--quick', '3,000 conversations only')
    .option('--sizes <list>', 'conversation counts, comma-separated', '3000,50000')
    .option('--latency-ms <ms>', "mean latency of Intercom's answers", '250')
    .option('--seed <n>', 'workspace seed', '11')
    .option('--no-faults', 'skip the import with faults')
    .option('--out <file>', 'where to write the records', 'bench/results.json')
    .parse(process.argv);
  const flags = program.opts<{ faults: boolean; quick?: boolean; sizes: string; latencyMs: string; seed: string; out: string }>();
  const sizes = flags.quick ? [3000] : flags.sizes.split(',').map(Number);
  const records: BenchRecord[] = [];
  out.line(`Benchmark at Intercom's default limit, ${flags.latencyMs} ms latency: ${sizes.join(', ')} conversations (${REFERENCE_SHAPE_LABEL})`);
  const snapInEntry = buildSnapIn();
  out.line(`The snap-in runs ${SNAP_IN_RUNTIME}: ${path.relative(process.cwd(), snapInEntry)}`);
  for (const size of sizes) {
    await benchSize(snapInEntry, size, Number(flags.latencyMs), Number(flags.seed), records, flags.faults);
    fs.mkdirSync(path.dirname(flags.out), { recursive: true });
    fs.writeFileSync(flags.out, `${JSON.stringify(records, null, 2)}\n`);
  }
  out.line(`Wrote ${flags.out}`);
  out.line(`Intercom emulator workspace of 50,000 conversations (lazy): ${(await workspaceHeapMb()).toFixed(0)} MB in use`);
  if (records.some((r) => r.status !== 'done')) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: Error) => {
    out.error(`Error: ${err.message}`);
    process.exit(1);
  },
);
