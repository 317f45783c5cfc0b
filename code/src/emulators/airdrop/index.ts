/**
 * The Airdrop platform emulator (contract §4): plays DevRev's part of the Airdrop protocol over
 * real HTTP on 127.0.0.1 and drives a snap-in function through import, sync and deletion runs,
 * writing what it receives to an output folder.
 *
 * ```ts
 * const airdrop = await startAirdropEmulator({ outDir });
 * const result = await airdrop.runImport({ invoke: functions.extraction, connection });
 * await airdrop.close();
 * ```
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ArtifactIngest } from './artifact-ingest';
import { ArtifactStore } from './artifact-store';
import { InvocationRegistry } from './invocations';
import { ItemStore } from './item-store';
import { OutputLayout } from './layout';
import { MapperStore } from './mapper-store';
import { Orchestrator } from './orchestrator';
import { buildPlatformServer } from './server';
import type { PlatformServices } from './services';
import type { AirdropEmulator, AirdropEmulatorOptions } from './types';
import { WorkerDataStore } from './worker-data-store';
import { runLoad } from './loading-run';
import type { LoadRunOptions, LoadRunResult } from './types';

export type {
  AirdropEmulator,
  AirdropEmulatorOptions,
  AirdropEvent,
  ItemCounts,
  Phase,
  PhaseStats,
  RunKind,
  RunOptions,
  RunProgress,
  RunResult,
  SnapInFunction,
} from './types';
export { MAX_STATE_BYTES } from './worker-data-store';
export { ROUTES, PLATFORM_IDENTITY } from './identity';
export { mapForward, mapReverse, type DevRevRecord, type InitialDomainMappingLike } from './domain-mapping';
export type { LoadingItem, LoadPhase, LoadPhaseStats, LoadReport, LoadRunOptions, LoadRunResult } from './types';

/** Emulator internals tests and tools may need (the token is a secret: never log it). */
export interface AirdropEmulatorInternals extends AirdropEmulator {
  /** The service-account token every event carries and every endpoint requires. */
  serviceAccountToken: string;
  /** The folder layout of `outDir`. */
  layout: OutputLayout;
  /** A loading run (DevRev → external system): data, then attachments; see `loading-run.ts`. */
  runLoad(run: LoadRunOptions): Promise<LoadRunResult>;
}

/** Starts the platform emulator on 127.0.0.1 (ephemeral port unless `port` is given). */
export async function startAirdropEmulator(options: AirdropEmulatorOptions): Promise<AirdropEmulatorInternals> {
  const layout = new OutputLayout(options.outDir);
  layout.ensure();
  let baseUrl = '';
  const artifacts = new ArtifactStore(layout);
  const services: PlatformServices = {
    layout,
    artifacts,
    workerData: new WorkerDataStore(layout),
    mappers: new MapperStore(layout.mappersFile),
    invocations: new InvocationRegistry(),
    serviceAccountToken: `emulated-sat-${randomBytes(24).toString('hex')}`,
    urlSigningKey: randomBytes(32),
    baseUrl: () => baseUrl,
  };
  const app = await buildPlatformServer(services);
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const orchestrator = new Orchestrator(services, new ArtifactIngest(layout, artifacts, new ItemStore(layout)));
  return {
    baseUrl,
    serviceAccountToken: services.serviceAccountToken,
    layout,
    runImport: (run) => orchestrator.run('import', run),
    runSync: (run) => orchestrator.run('sync', run),
    runDelete: (run) => orchestrator.run('delete', run),
    runLoad: (run) => runLoad(services, run),
    close: () => app.close(),
  };
}
