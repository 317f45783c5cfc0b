/** Shared test setup: a temp output folder, a started emulator, and hand-made events for plain HTTP tests. */
import * as fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { startAirdropEmulator, type AirdropEmulatorInternals, type AirdropEvent, type SnapInFunction } from '../../../../src/emulators/airdrop';
import { buildEvent } from '../../../../src/emulators/airdrop/event-builder';
import { WireClient } from './wire-client';
import { tempDir as sharedTempDir } from '../../../temp-dir';

export const CONNECTION = { key: 'intercom-secret-token-123456', key_type: 'api_key', org_id: 'ws-1', org_name: 'Test workspace' };

export function tempDir(prefix = 'airdrop-emu-'): string {
  return sharedTempDir(prefix);
}

export async function startEmulator(outDir = tempDir()): Promise<AirdropEmulatorInternals> {
  return startAirdropEmulator({ outDir });
}

/** An event as the platform would send it, for driving endpoints outside a run. */
export function handMadeEvent(emulator: AirdropEmulatorInternals, syncUnitId = 'su-1', eventType = 'START_EXTRACTING_DATA'): AirdropEvent {
  return buildEvent({
    baseUrl: emulator.baseUrl,
    serviceAccountToken: emulator.serviceAccountToken,
    eventType,
    runId: randomUUID(),
    requestId: randomUUID(),
    mode: 'INITIAL',
    syncUnit: { id: 'ext-1', name: 'Ext 1', platformId: syncUnitId, don: `don:sync_unit/${syncUnitId}` },
    connection: CONNECTION,
    globalValues: {},
  });
}

/** A connector made of one async handler per invocation, talking plain HTTP through a WireClient. */
export function scripted(
  handler: (eventType: string, client: WireClient, event: AirdropEvent) => Promise<void>,
  seen: AirdropEvent[] = [],
): SnapInFunction {
  const invoke = async (events: AirdropEvent[]) => {
    for (const event of events) {
      seen.push(event);
      await handler(event.payload.event_type, new WireClient(event), event);
    }
  };
  return invoke as SnapInFunction;
}

export function readJsonl(file: string): Record<string, unknown>[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
