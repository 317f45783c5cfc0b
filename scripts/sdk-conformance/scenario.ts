/**
 * The conformance scenario `npm run test:sdk` plays twice, once with the official SDK compiled to
 * JavaScript and once with our adaas/ layer: a generated Intercom workspace with faults on and a
 * rate limit tight enough to force a DELAY, short soft timeouts (many PROGRESS/CONTINUE rounds), a
 * full import, a sync after changes, a loading run and a delete, all through the platform emulator
 * over HTTP. It writes what the platform ended up with (items by id and content digest, attachment
 * bytes by sha256, the runs' counts) to a JSON file, for the caller to compare.
 *
 * Usage: node scenario.js <summary.json>   (or tsx scenario.ts for our layer); SCENARIO_INTERCOM_PORT
 * fixes the Intercom emulator's port (test:sdk gives both runs the same one).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFunctions } from '../../code/src/index';
import { startAirdropEmulator, type RunResult } from '../../code/src/emulators/airdrop';
import { startIntercomEmulator } from '../../code/src/emulators/intercom';

export const SEED = 9;
const SIZE = { conversations: 32, contacts: 16, companies: 3, admins: 3, articles: 3, longConversations: 0 };
/**
 * Soft timeout of one invocation: short, so the data phase needs many PROGRESS/CONTINUE rounds (the
 * loop stops at half of it). Not shorter: the sync-units and metadata phases have no DELAY event and
 * wait out a rate-limit pause until the hard timeout (×1.3) less a quarter; a spent 10-second window
 * asks for up to 11 s, which fits in 15 s invocations (14.25 s) and not in 10 s ones (9 s).
 */
const TIMEOUT_MS = 15_000;
/**
 * Requests per 10-second window: 10, so an invocation spends its window in well under a second and
 * the next one is ~9 s away, longer than the data loop may wait (6 s of a 15 s invocation): with the
 * data phase's dozens of requests, at least one DELAY. The data phase is bound by the limit, its
 * invocations by the clock: SIZE keeps it long enough for test:sdk's 7 invocations on a loaded
 * machine (with 12 and 20 conversations the SDK's import took 7 and 8: data phases of 27 and 42 s).
 */
const APP_REQUESTS_PER_10S = 10;

export interface ScenarioSummary {
  runs: Record<string, { status: string; error?: string; warnings?: string[]; items: RunResult['items']; attachments: RunResult['attachments']; invocations: number; delays: number; phases: string[] }>;
  /** Per item type: id → sha256 of the stored line's data. */
  items: Record<string, Record<string, string>>;
  /** Attachment file name → sha256 of its bytes. */
  attachments: Record<string, string>;
  loadReports: unknown;
  /** The connector's own report after the sync (per item type: extracted, skipped). */
  connectorReport: unknown;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * Two runs use two Intercom emulators on different ports, and file URLs carry a signed expiry: the
 * emulator's address and the URL signatures are replaced before hashing, nothing else.
 */
function withoutRunSpecifics(text: string, intercomBaseUrl: string): string {
  return text.split(intercomBaseUrl).join('<intercom>').replace(/\?expires=\d+(&|\\u0026)signature=[0-9a-f]+/g, '');
}

function storeOf(outDir: string, intercomBaseUrl: string): Pick<ScenarioSummary, 'items' | 'attachments'> {
  const items: ScenarioSummary['items'] = {};
  const itemsDir = path.join(outDir, 'items');
  for (const file of fs.existsSync(itemsDir) ? fs.readdirSync(itemsDir) : []) {
    const byId: Record<string, string> = {};
    for (const line of fs.readFileSync(path.join(itemsDir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const item = JSON.parse(line) as { id: string; data: unknown };
      byId[item.id] = sha256(withoutRunSpecifics(JSON.stringify(item.data ?? item), intercomBaseUrl));
    }
    items[file.replace(/\.jsonl$/, '')] = byId;
  }
  const attachments: ScenarioSummary['attachments'] = {};
  const filesDir = path.join(outDir, 'attachments');
  for (const file of fs.existsSync(filesDir) ? fs.readdirSync(filesDir) : []) {
    attachments[file] = sha256(withoutRunSpecifics(fs.readFileSync(path.join(filesDir, file), 'latin1'), intercomBaseUrl));
  }
  return { items, attachments };
}

function runSummary(result: RunResult): ScenarioSummary['runs'][string] {
  return {
    status: result.status,
    ...(result.error !== undefined && { error: result.error }),
    ...(result.warnings !== undefined && { warnings: result.warnings }),
    items: result.items,
    attachments: result.attachments,
    invocations: result.phases.reduce((n, p) => n + p.invocations, 0),
    delays: result.phases.reduce((n, p) => n + p.delays, 0),
    // For the reader of a failure: phase, invocations, DELAYs, seconds.
    phases: result.phases.map((p) => `${p.phase} ${p.invocations}× (${p.delays} DELAY) ${Math.round(p.durationMs / 1000)} s`),
  };
}

export async function runScenario(): Promise<ScenarioSummary> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-conformance-'));
  const intercom = await startIntercomEmulator({
    seed: SEED,
    size: SIZE,
    faults: { seed: SEED, serverErrorRate: 0.03, connectionResetRate: 0.01 },
    rateLimit: { appPer10s: APP_REQUESTS_PER_10S },
    // The same port in both runs: file URLs, and the attachment ids derived from them, then match.
    port: Number(process.env.SCENARIO_INTERCOM_PORT ?? 0),
  });
  const airdrop = await startAirdropEmulator({ outDir });
  const functions = createFunctions({ timeoutMs: TIMEOUT_MS, batchSize: 100, local: true });
  const run = {
    invoke: functions.extraction as never,
    connection: { key: intercom.token, key_type: 'pat', org_id: 'emulated', org_name: 'Emulated workspace' },
    globalValues: { intercom_api_base_url: intercom.baseUrl, import_all_conversations: 'true' },
    delayScale: 0.01,
    maxInvocations: 2000,
  };
  try {
    const summary: ScenarioSummary = { runs: {}, items: {}, attachments: {}, loadReports: undefined, connectorReport: undefined };
    summary.runs.import = runSummary(await airdrop.runImport(run));
    intercom.workspace.mutate.applyRandomChanges({ seed: SEED, count: 10 });
    summary.runs.sync = runSummary(await airdrop.runSync(run));
    Object.assign(summary, storeOf(outDir, intercom.baseUrl));
    summary.connectorReport = JSON.parse(fs.readFileSync(path.join(outDir, 'state.json'), 'utf8')).intercom?.report?.items;

    intercom.setFaults({}); // the loader's single requests are compared, not its retries
    const conversationId = Object.keys(summary.items.conversations ?? {}).sort()[0];
    const at = '2026-01-01T00:00:00.000Z';
    const loaded = await airdrop.runLoad({
      invoke: functions.loading as never,
      connection: run.connection,
      globalValues: run.globalValues,
      delayScale: 0.01,
      items: {
        tags: [{ id: { devrev: 'don:core:dvrv-us-1:devo/0:tag/sdk-1' }, created_date: at, modified_date: at, data: { name: 'sdk-conformance' } }],
        conversation_parts: [{
          id: { devrev: 'don:core:dvrv-us-1:devo/0:comment/sdk-1' }, created_date: at, modified_date: at,
          data: { conversation_id: conversationId, body: { type: 'rich_text', content: ['sdk conformance'] }, visibility: 'internal' },
        }],
      },
    });
    summary.loadReports = { status: loaded.status, error: loaded.error, reports: loaded.reports };
    summary.runs.delete = runSummary(await airdrop.runDelete(run));
    return summary;
  } finally {
    await airdrop.close();
    await intercom.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const target = process.argv[2];
  if (!target) throw new Error('usage: scenario <summary.json>');
  runScenario().then(
    (summary) => {
      fs.writeFileSync(target, `${JSON.stringify(summary, null, 2)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
