/**
 * `npm run bench`: an import of a larger generated workspace, reported as ratios rather than seconds, so the
 * numbers mean the same on any machine:
 * - elapsed / floor: the floor is the least time Intercom's rate limit allows for the requests the import
 *   made (the emulator's limit is set low enough to bind);
 * - faulted / fault-free: the same import with 5xx answers and connection resets injected;
 * - peak RSS of the whole process (snap-in workers run as threads inside it);
 * - heap taken by the Intercom emulator's generated workspace of 50,000 conversations (it must stay lazy).
 *
 * Flags: --conversations N (default 300), --rate N requests per 10 s (default 60, low enough to bind), --seed N.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command } from 'commander';
import { startIntercomEmulator, type FaultOptions } from '../emulators/intercom';
import { createWorkspace } from '../emulators/intercom/workspace';
import { preflight, type IntercomConnection } from './connection';
import { rateLimitFloorSeconds } from './estimate';
import { out } from './output';
import { runPipeline } from './pipeline';
import { registerSecret } from './secrets';
import type { Settings } from './settings';

process.env.ADAAS_LOG_LEVEL ??= 'error';

interface BenchRun {
  elapsedSeconds: number;
  /** API requests (rate-limited); file downloads are counted apart. */
  requests: number;
  downloads: number;
  rateLimited: number;
  serverErrors: number;
  floorSeconds: number;
  status: string;
  error?: string;
}

async function importOnce(o: { conversations: number; rate: number; seed: number; faults?: FaultOptions }): Promise<BenchRun> {
  const emulator = await startIntercomEmulator({
    seed: o.seed,
    size: { conversations: o.conversations },
    rateLimit: { appPer10s: o.rate, workspacePer10s: o.rate * 2 },
    faults: o.faults,
  });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'airdrop-bench-'));
  try {
    registerSecret(emulator.token);
    const connection: IntercomConnection = { baseUrl: emulator.baseUrl, customBaseUrl: true, token: emulator.token };
    const { workspace } = await preflight(connection);
    const now = new Date().toISOString();
    const settings: Settings = {
      version: 1, workspace, intercomBaseUrl: emulator.baseUrl, customBaseUrl: true,
      options: { allConversations: true, contactReferenceField: '' }, rateLimitPer10s: o.rate, createdAt: now, updatedAt: now,
    };
    emulator.resetMetrics();
    const started = process.hrtime.bigint();
    const result = await runPipeline({ kind: 'import', outDir, connection, settings, resumeCommand: 'npm run bench', timeoutMs: 60_000, quiet: true });
    const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const metrics = emulator.metrics();
    // File downloads are served like a CDN, outside the rate limit: only API requests make the floor.
    const apiRequests = Object.entries(metrics.byEndpoint)
      .filter(([route]) => !route.includes('/downloads'))
      .reduce((n, [, count]) => n + count, 0);
    return {
      elapsedSeconds,
      requests: apiRequests,
      downloads: metrics.requests - apiRequests,
      rateLimited: metrics.rateLimited,
      serverErrors: metrics.serverErrors,
      floorSeconds: rateLimitFloorSeconds(apiRequests, o.rate),
      status: result.status,
      error: result.error,
    };
  } finally {
    await emulator.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** Heap (MB) a 50,000-conversation emulator workspace takes once indexed, with a few conversations materialized. */
function workspaceHeapMb(): number {
  const before = process.memoryUsage().heapUsed;
  const w = createWorkspace({ seed: 77, size: { conversations: 50_000, contacts: 20_000, companies: 3_000 }, fileBaseUrl: 'http://127.0.0.1:1' });
  const index = w.conversationIndex();
  for (let n = 0; n < 5; n++) w.conversation(index[(n * 9_973) % index.length].id, { withParts: true });
  return (process.memoryUsage().heapUsed - before) / (1024 * 1024);
}

function describe(label: string, run: BenchRun): void {
  const ratio = run.floorSeconds > 0 ? (run.elapsedSeconds / run.floorSeconds).toFixed(2) : 'n/a (limit did not bind)';
  out.line(
    `${label}: ${run.status}${run.error ? ` (${run.error})` : ''}; ${run.requests} API requests (+${run.downloads} downloads), ${run.rateLimited} answered 429, ` +
      `${run.serverErrors} 5xx; elapsed / rate-limit floor = ${ratio}`,
  );
}

async function main(): Promise<void> {
  const program = new Command()
    .option('--conversations <n>', 'conversations in the generated workspace', '300')
    .option('--rate <n>', 'emulated Intercom limit, requests per 10 s', '60')
    .option('--seed <n>', 'workspace seed', '11')
    .parse(process.argv);
  const flags = program.opts<{ conversations: string; rate: string; seed: string }>();
  const base = { conversations: Number(flags.conversations), rate: Number(flags.rate), seed: Number(flags.seed) };
  out.line(`Benchmark: ${base.conversations} conversations with attachments, limit ${base.rate} requests per 10 s`);
  const clean = await importOnce(base);
  describe('fault-free', clean);
  const faulted = await importOnce({ ...base, faults: { seed: base.seed, serverErrorRate: 0.03, connectionResetRate: 0.01 } });
  describe('with faults (3% 5xx, 1% resets)', faulted);
  out.line(`faulted / fault-free elapsed = ${(faulted.elapsedSeconds / clean.elapsedSeconds).toFixed(2)}`);
  out.line(`peak RSS = ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  out.line(`emulator workspace of 50,000 conversations: heap = ${workspaceHeapMb().toFixed(0)} MB`);
  if (clean.status !== 'done' || faulted.status !== 'done') process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: Error) => {
    out.error(`Error: ${err.message}`);
    process.exit(1);
  },
);
