/**
 * Helpers of the pipeline tests: both emulators on loopback, the snap-in's real functions, and
 * readers for what the platform emulator stored (contract §4 output folder).
 */
import * as fs from 'fs';
import * as path from 'path';
import { startAirdropEmulator, type AirdropEmulatorInternals, type RunOptions, type RunResult } from '../../src/emulators/airdrop';
import { readPushLog } from '../../src/emulators/airdrop/push-log';
import { startIntercomEmulator, type IntercomEmulator, type IntercomEmulatorOptions } from '../../src/emulators/intercom';
import { createFunctions } from '../../src/index';
import { tempDir } from '../temp-dir';

export interface Pipeline {
  intercom: IntercomEmulator;
  airdrop: AirdropEmulatorInternals;
  outDir: string;
  /** `extra`: more run options, e.g. `onProgress` to act on the platform's events. */
  run(kind: 'import' | 'sync' | 'delete', globalValues?: Record<string, string>, extra?: Partial<RunOptions>): Promise<RunResult>;
  items(itemType: string): Array<{ id: string; created_date: string; modified_date: string; data: Record<string, unknown> }>;
  state(): Record<string, any>;
  /** How often each id was pushed in run `runId`, per item type (`ssor_attachment`: attachment files). */
  pushCounts(runId: string): Map<string, Map<string, number>>;
  close(): Promise<void>;
}

export async function startPipeline(
  intercomOptions: IntercomEmulatorOptions,
  functionOptions: { timeoutMs?: number; batchSize?: number } = { timeoutMs: 2000 },
): Promise<Pipeline> {
  const outDir = tempDir('intercom-pipeline-');
  const intercom = await startIntercomEmulator(intercomOptions);
  const airdrop = await startAirdropEmulator({ outDir });
  const functions = createFunctions({ ...functionOptions, local: true });
  return {
    intercom,
    airdrop,
    outDir,
    run: (kind, globalValues = {}, extra = {}) => {
      const run = {
        invoke: functions.extraction as never,
        connection: { key: intercom.token, key_type: 'pat', org_id: 'emulated', org_name: 'Emulated workspace' },
        globalValues: { intercom_api_base_url: intercom.baseUrl, ...globalValues },
        delayScale: 0.01,
        maxInvocations: 400,
        ...extra,
      };
      return kind === 'import' ? airdrop.runImport(run) : kind === 'sync' ? airdrop.runSync(run) : airdrop.runDelete(run);
    },
    items: (itemType) => {
      const file = path.join(outDir, 'items', `${itemType}.jsonl`);
      if (!fs.existsSync(file)) return [];
      return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
    },
    state: () => JSON.parse(fs.readFileSync(path.join(outDir, 'state.json'), 'utf8')),
    pushCounts: (runId) => {
      const counts = new Map<string, Map<string, number>>();
      for (const push of readPushLog(path.join(outDir, 'pushes.jsonl')).filter((r) => r.run === runId)) {
        const ofType = counts.get(push.item_type) ?? counts.set(push.item_type, new Map()).get(push.item_type)!;
        ofType.set(push.id, (ofType.get(push.id) ?? 0) + 1);
      }
      return counts;
    },
    close: async () => {
      await airdrop.close();
      await intercom.close();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export const sorted = (ids: Iterable<string>): string[] => [...ids].sort();
export const idsOf = (items: Array<{ id: string }>): string[] => sorted(items.map((i) => i.id));

/** `id×n` for each id pushed more than once. */
export function pushedMoreThanOnce(counts: Map<string, number> | undefined): string[] {
  return [...(counts ?? new Map<string, number>())].filter(([, n]) => n > 1).map(([id, n]) => `${id}×${n}`);
}
