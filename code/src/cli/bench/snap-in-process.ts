/**
 * One bench run of the snap-in side (CLI pipeline, its workers, the platform emulator) in a process
 * of its own, so its peak RSS is this run's. Options as JSON in argv[2], the token in INTERCOM_TOKEN
 * (started by fork-snap-in.ts); prints one JSON line.
 */
import { preflight, type IntercomConnection } from '../connection';
import { runPipeline, type RunKind } from '../pipeline';
import { registerSecret } from '../secrets';
import { TOKEN_ENV } from './fork-snap-in';
import type { Settings } from '../settings';

process.env.ADAAS_LOG_LEVEL ??= 'error';

export interface SnapInRunOptions {
  kind: RunKind;
  baseUrl: string;
  token: string;
  outDir: string;
  /** Soft timeout of one snap-in invocation, ms (chaos: every few seconds). */
  timeoutMs?: number;
}

/** How often the process's CPU time (main thread and workers) is sampled for the bench. */
const CPU_SAMPLE_MS = 250;

/** [epoch ms, CPU ms used so far] every CPU_SAMPLE_MS: the bench reads the API phase's CPU from them. */
function sampleCpu(): { stop(): Array<[number, number]> } {
  const samples: Array<[number, number]> = [];
  const sample = () => {
    const { user, system } = process.cpuUsage();
    samples.push([Date.now(), (user + system) / 1000]);
  };
  sample();
  const timer = setInterval(sample, CPU_SAMPLE_MS);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return samples;
    },
  };
}

async function main(): Promise<void> {
  const token = process.env[TOKEN_ENV];
  if (!token) throw new Error(`${TOKEN_ENV} is not set: start this process with forkSnapIn (bench/fork-snap-in.ts)`);
  const o = { ...(JSON.parse(process.argv[2] ?? '{}') as Omit<SnapInRunOptions, 'token'>), token };
  registerSecret(o.token);
  const connection: IntercomConnection = { baseUrl: o.baseUrl, customBaseUrl: true, token: o.token };
  const { workspace, rateLimitPer10s } = await preflight(connection);
  const now = new Date().toISOString();
  const settings: Settings = {
    version: 1, workspace, intercomBaseUrl: o.baseUrl, customBaseUrl: true,
    options: { allConversations: true, contactReferenceField: '' }, rateLimitPer10s, createdAt: now, updatedAt: now,
  };
  const started = process.hrtime.bigint();
  const cpu = sampleCpu();
  const result = await runPipeline({ kind: o.kind, outDir: o.outDir, connection, settings, resumeCommand: 'npm run bench', quiet: true, timeoutMs: o.timeoutMs });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const received = Object.fromEntries(Object.entries(result.items ?? {}).map(([type, counts]) => [type, counts.received]));
  process.stdout.write(
    `${JSON.stringify({ status: result.status, error: result.error, wallSeconds, received, rateLimitPer10s, peakRssMb: process.resourceUsage().maxRSS / 1024, cpuSamples: cpu.stop() })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stdout.write(`${JSON.stringify({ status: 'error', error: error.message })}\n`);
    process.exit(1);
  },
);
