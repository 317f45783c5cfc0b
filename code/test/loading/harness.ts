/** Test wiring of the loading direction: both emulators on loopback and the snap-in's loading function. */
import * as fs from 'fs';
import * as path from 'path';
import type { AirdropEvent } from '../../src/adaas';
import { createFunctions } from '../../src';
import { startAirdropEmulator, type AirdropEmulatorInternals, type DevRevRecord, type LoadRunResult, type LoadingItem } from '../../src/emulators/airdrop';
import initialDomainMapping from '../../src/extraction/initial-domain-mapping.json';
import { startIntercomEmulator, type IntercomEmulator, type IntercomEmulatorOptions } from '../../src/emulators/intercom';
import { tempDir } from '../temp-dir';

/** The snap-in's own loading function (code/src/index.ts) with the given soft timeout. */
export function loadingFunction(timeoutMs: number): (events: AirdropEvent[]) => Promise<void> {
  return createFunctions({ timeoutMs, local: true }).loading;
}

export interface LoadingSetup {
  intercom: IntercomEmulator;
  airdrop: AirdropEmulatorInternals;
  outDir: string;
  load(items: Record<string, unknown[]>, timeoutMs?: number): Promise<LoadRunResult>;
  /** DevRev objects by external record type, through the snap-in's initial domain mapping (reverse), as DevRev does. */
  loadDevRev(records: Record<string, DevRevRecord[]>, timeoutMs?: number): Promise<LoadRunResult>;
  /** The sync mapper records the platform holds. */
  mappers(): Array<{ external_ids: string[]; targets: string[]; sync_unit: string }>;
  /** The loader state the connector saved (parsed), or undefined. */
  loaderState(): Record<string, any> | undefined;
  close(): Promise<void>;
}

export async function startLoading(intercomOptions: IntercomEmulatorOptions, timeoutMs = 20_000): Promise<LoadingSetup> {
  const outDir = tempDir('intercom-loading-');
  const intercom = await startIntercomEmulator(intercomOptions);
  const airdrop = await startAirdropEmulator({ outDir });
  const run = (input: { items?: Record<string, unknown[]>; devrevRecords?: Record<string, DevRevRecord[]> }, t: number) =>
    airdrop.runLoad({
      invoke: loadingFunction(t) as never,
      connection: { key: intercom.token, key_type: 'pat', org_id: 'emulated', org_name: 'Emulated workspace' },
      globalValues: { intercom_api_base_url: intercom.baseUrl },
      items: input.items as Record<string, LoadingItem[]> | undefined,
      devrevRecords: input.devrevRecords,
      initialDomainMapping,
      delayScale: 0.01,
      maxInvocations: 300,
    });
  return {
    intercom,
    airdrop,
    outDir,
    load: (items, t = timeoutMs) => run({ items }, t),
    loadDevRev: (devrevRecords, t = timeoutMs) => run({ devrevRecords }, t),
    mappers: () => JSON.parse(fs.readFileSync(path.join(outDir, 'mappers.json'), 'utf8')),
    loaderState: () => {
      const dir = path.join(outDir, 'worker-data', 'loader');
      if (!fs.existsSync(dir)) return undefined;
      const [file] = fs.readdirSync(dir);
      return file ? JSON.parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).state) : undefined;
    },
    close: async () => {
      await airdrop.close();
      await intercom.close();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}

let serial = 0;

/** A DevRev comment on an Intercom conversation, as the loader receives it (§7.1, §14). */
export function devrevComment(o: { conversationId: string; content: unknown[]; visibility?: string; authorId?: string }): LoadingItem {
  serial++;
  const at = new Date(Date.UTC(2026, 0, 1, 0, serial)).toISOString();
  return {
    id: { devrev: `don:core:dvrv-us-1:devo/0:comment/${serial}` },
    created_date: at,
    modified_date: at,
    data: {
      conversation_id: o.conversationId,
      body: { type: 'rich_text', content: o.content },
      visibility: o.visibility ?? 'external',
      ...(o.authorId !== undefined ? { author_id: o.authorId } : {}),
    },
  };
}

/** A DevRev tag as the loader receives it. */
export function devrevTag(name: string): LoadingItem {
  serial++;
  const at = new Date(Date.UTC(2026, 0, 2, 0, serial)).toISOString();
  return { id: { devrev: `don:core:dvrv-us-1:devo/0:tag/${serial}` }, created_date: at, modified_date: at, data: { name } };
}

/** The parts Intercom's retrieve returns for a conversation (ground truth). */
export function partsOf(intercom: IntercomEmulator, conversationId: string): Array<Record<string, any>> {
  const conversation = intercom.workspace.conversation(conversationId, { withParts: true }) as Record<string, any>;
  return conversation.conversation_parts.conversation_parts;
}

/** Counts of one item type in a run's reports (0 for missing actions). */
export function reportOf(result: LoadRunResult, itemType: string) {
  return result.reports.find((r) => r.item_type === itemType) ?? { item_type: itemType, created: 0, updated: 0, skipped: 0, deleted: 0, failed: 0 };
}
