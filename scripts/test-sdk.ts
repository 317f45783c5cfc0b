/**
 * `npm run test:sdk`: the snap-in on the official @devrev/ts-adaas instead of our adaas/ layer.
 *
 * 1. copies the project to a temporary folder and installs the SDK tarball there (ADAAS_SDK_TGZ,
 *    default ../shared/vendor/devrev-ts-adaas-1.20.0.tgz); a missing tarball is an error;
 * 2. makes the one-line swap: code/src/adaas/index.ts becomes `export * from '@devrev/ts-adaas'`;
 * 3. type-checks code/src (zero errors) and compiles it to JavaScript with tsc, as deployed;
 * 4. runs the conformance scenario (scripts/sdk-conformance/scenario.ts) compiled, on the SDK, and
 *    the same scenario on our layer from this tree, and compares what the platform emulator stored
 *    and the runs' counts;
 * 5. drives each phase once against the SDK's own MockServer (mock-server-check.ts);
 * 6. runs `npm start` (the CLI's demo) compiled on the SDK and on our layer, and compares the
 *    summaries they end with (demo-summary.ts);
 * 7. builds the deployable package (scripts/package.ts) and installs and loads it in a clean folder
 *    (package-check.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { prepareSdkTree, requireSdkTarball, ROOT } from './official-sdk';
import { checkPackage } from './package-check';
import { buildPackage } from './package';
import { comparableSummary } from './sdk-conformance/demo-summary';
import type { ScenarioSummary } from './sdk-conformance/scenario';

const started = Date.now();
const step = (message: string): void => console.log(`test:sdk: [${Math.round((Date.now() - started) / 1000)} s] ${message}`);

class Failure extends Error {}

function fail(message: string): never {
  throw new Failure(message);
}

/** Runs a node program to completion; its output goes to `log`. Resolves with the exit code. */
function runLogged(args: string[], cwd: string, log: string, env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const out = fs.openSync(log, 'w');
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', out, out], env: { ...process.env, ADAAS_LOG_LEVEL: 'error', ...env } });
    child.on('exit', (code) => {
      fs.closeSync(out);
      resolve(code ?? 1);
    });
  });
}

/** A loopback port free right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function tail(file: string, lines = 30): string {
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function compile(dir: string): void {
  const config = {
    extends: './tsconfig.json',
    compilerOptions: { rootDir: '.', outDir: 'dist-sdk', types: ['node'], noEmitOnError: true, sourceMap: false },
    include: ['code/src/**/*.ts', 'code/src/**/*.json', 'scripts/sdk-conformance/**/*.ts'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.sdk.json'), JSON.stringify(config, null, 2));
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.sdk.json'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    const count = output.split('\n').filter((l) => / error TS\d+:/.test(l)).length;
    fail(`code/src does not type-check against @devrev/ts-adaas (${count} errors):\n${output}`);
  }
  const compiledIndex = fs.readFileSync(path.join(dir, 'dist-sdk/code/src/adaas/index.js'), 'utf8');
  if (!compiledIndex.includes('@devrev/ts-adaas')) fail('the compiled adaas/index.js does not load @devrev/ts-adaas');
}

/** Differences between the two summaries, as readable lines. */
function compare(sdk: ScenarioSummary, ours: ScenarioSummary): string[] {
  const problems: string[] = [];
  for (const [kind, result] of Object.entries(sdk.runs)) {
    if (result.status !== 'done') problems.push(`${kind} on the SDK ended ${result.status}: ${result.error}`);
    const reference = ours.runs[kind];
    if (reference?.status !== 'done') problems.push(`${kind} on our layer ended ${reference?.status}: ${reference?.error}`);
    // Ids new to the store per item type; `received`/`updated` may differ when an invocation is redone.
    const counts = (r: typeof result) => Object.fromEntries(Object.entries(r?.items ?? {}).map(([t, c]) => [t, c.new]));
    if (!isDeepStrictEqual(counts(result), counts(reference))) {
      problems.push(`${kind}: item counts differ: SDK ${JSON.stringify(counts(result))} vs ours ${JSON.stringify(counts(reference))}`);
    }
    if (result.attachments.received !== reference?.attachments.received) {
      problems.push(`${kind}: attachments received differ: SDK ${result.attachments.received} vs ours ${reference?.attachments.received}`);
    }
  }
  for (const itemType of new Set([...Object.keys(sdk.items), ...Object.keys(ours.items)])) {
    const a = sdk.items[itemType] ?? {};
    const b = ours.items[itemType] ?? {};
    const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((id) => a[id] !== b[id]);
    if (differing.length > 0) problems.push(`store: ${itemType} differs in ${differing.length} items, e.g. ${differing.slice(0, 3).join(', ')}`);
  }
  const files = [...new Set([...Object.keys(sdk.attachments), ...Object.keys(ours.attachments)])].filter((f) => sdk.attachments[f] !== ours.attachments[f]);
  if (files.length > 0) problems.push(`store: ${files.length} attachment files differ (sha256), e.g. ${files.slice(0, 3).join(', ')}`);
  if (!isDeepStrictEqual(sdk.loadReports, ours.loadReports)) problems.push(`loading reports differ: SDK ${JSON.stringify(sdk.loadReports)} vs ours ${JSON.stringify(ours.loadReports)}`);
  if (!isDeepStrictEqual(sdk.connectorReport, ours.connectorReport)) problems.push('the connector reports (state) differ');
  const imported = sdk.runs.import;
  if (imported && imported.delays < 1) problems.push('the SDK import had no DELAY: the scenario no longer exercises one');
  // 4 phases start once each; everything beyond is a CONTINUE after PROGRESS or DELAY.
  if (imported && imported.invocations < 7) problems.push(`the SDK import took only ${imported.invocations} invocations: too few PROGRESS/CONTINUE rounds`);
  return problems;
}

async function main(): Promise<void> {
  requireSdkTarball('test:sdk');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-sdk-'));
  try {
    step(`copying the project to ${dir}`);
    prepareSdkTree(dir, step);
    step('type-checking code/src against the official SDK and compiling it to JavaScript');
    compile(dir);

    // One after the other: the soft timeouts are short, and two runs at once starve each other here.
    step('running the scenario on the SDK (compiled)');
    const port = { SCENARIO_INTERCOM_PORT: String(await freePort()) };
    const sdkCode = await runLogged(['dist-sdk/scripts/sdk-conformance/scenario.js', path.join(dir, 'sdk.json')], dir, path.join(dir, 'sdk.log'), port);
    step('running the same scenario on our layer (this tree)');
    const oursCode = await runLogged([path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/sdk-conformance/scenario.ts', path.join(dir, 'ours.json')], ROOT, path.join(dir, 'ours.log'), port);
    if (sdkCode !== 0) fail(`the scenario crashed on the SDK:\n${tail(path.join(dir, 'sdk.log'))}`);
    if (oursCode !== 0) fail(`the scenario crashed on our layer:\n${tail(path.join(dir, 'ours.log'))}`);
    const sdk = JSON.parse(fs.readFileSync(path.join(dir, 'sdk.json'), 'utf8')) as ScenarioSummary;
    const ours = JSON.parse(fs.readFileSync(path.join(dir, 'ours.json'), 'utf8')) as ScenarioSummary;
    const problems = compare(sdk, ours);
    if (problems.length > 0) fail(`the SDK run differs from our layer's:\n  ${problems.join('\n  ')}`);
    const items = Object.values(sdk.items).reduce((n, byId) => n + Object.keys(byId).length, 0);
    step(`store identical: ${items} items, ${Object.keys(sdk.attachments).length} attachment files; ` +
      `import ${sdk.runs.import.invocations} invocations with ${sdk.runs.import.delays} DELAY(s)`);

    step("driving each phase once against the SDK's MockServer");
    const mockCode = await runLogged(['dist-sdk/scripts/sdk-conformance/mock-server-check.js'], dir, path.join(dir, 'mock.log'));
    if (mockCode !== 0) fail(`MockServer check:\n${tail(path.join(dir, 'mock.log'))}`);

    step('npm start (the demo) on the SDK (compiled) and on our layer, side by side');
    const [sdkDemo, oursDemo] = await Promise.all([
      runLogged(['dist-sdk/code/src/cli/main.js', 'demo', '--out', path.join(dir, 'demo-sdk')], dir, path.join(dir, 'demo-sdk.log')),
      runLogged([path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'code/src/cli/main.ts', 'demo', '--out', path.join(dir, 'demo-ours')], ROOT, path.join(dir, 'demo-ours.log')),
    ]);
    if (sdkDemo !== 0) fail(`npm start on the SDK failed:\n${tail(path.join(dir, 'demo-sdk.log'))}`);
    if (oursDemo !== 0) fail(`npm start on our layer failed:\n${tail(path.join(dir, 'demo-ours.log'))}`);
    const sdkSummary = comparableSummary(fs.readFileSync(path.join(dir, 'demo-sdk.log'), 'utf8'));
    const oursSummary = comparableSummary(fs.readFileSync(path.join(dir, 'demo-ours.log'), 'utf8'));
    if (!isDeepStrictEqual(sdkSummary, oursSummary)) {
      fail(`npm start ends with another summary on the SDK:\n--- SDK\n${sdkSummary.join('\n')}\n--- ours\n${oursSummary.join('\n')}`);
    }
    step(`npm start: the same summary on both (${sdkSummary.filter((l) => /^(import|sync):/.test(l)).join(', ')})`);

    step('building the deployable package (npm run package) and installing it in a clean folder');
    const archive = buildPackage({ tree: dir, out: path.join(dir, 'package') });
    const packaged = checkPackage(archive);
    if (packaged.problems.length > 0) fail(`the package:\n  ${packaged.problems.join('\n  ')}`);
    step(`package good: installed offline from its lock (${packaged.dependencies} packages), functionFactory.extraction and .loading load, no emulator, CLI or test code`);
    step(`passed in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    if (!process.env.TEST_SDK_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`test:sdk: FAILED: ${error instanceof Failure ? error.message : String((error as Error)?.stack ?? error)}`);
  process.exitCode = 1;
});
