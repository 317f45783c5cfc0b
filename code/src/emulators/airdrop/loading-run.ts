/**
 * A loading run (DevRev → external system, protocol §2.5, §7): the platform uploads one transformer
 * file per item type (gzip JSONL of `ExternalSystemItem`s) and a stats file (plain JSONL), then sends
 * START_LOADING_DATA (mode LOADING, `event_data.stats_file`), CONTINUE while PROGRESS, waits on DELAYED,
 * and does the same for the attachments phase. Each reply is judged (§2.4, exactly one emit, §2.7);
 * the loader keeps its own state (`worker_data_url` …/loader), separate from the extractor's; the sync
 * mapper endpoints are the ones the server already serves. The result, with the summed reports, is
 * returned and appended to `runs.jsonl`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { DomainMappingError, reverseRecords, type InitialDomainMappingLike } from './domain-mapping';
import { buildEvent, syncUnitDon, type PlatformSyncUnit } from './event-builder';
import { ROUTES } from './identity';
import { readJsonIfExists, writeFileAtomic } from '../../files/atomic';
import { loadPosition } from './position';
import type { PlatformServices } from './services';
import type { LoadingItem, LoadPhaseStats, LoadReport, LoadRunOptions, LoadRunResult } from './types';
import type { LoadPhase } from './event-types';
import { drivePhases, RunFailure, runError, type RunCursor, type RunPlan } from './run-driver';
import type { AirdropEvent, WireEmittedEvent } from './wire';

/** The item type of attachment files (singular, §7.1); their lines are attachment records. */
export const LOADING_ATTACHMENT_ITEM_TYPE = 'attachment';

const LOAD_PHASES: readonly LoadPhase[] = ['load_data', 'load_attachments'];
const REPORT_ACTIONS = ['created', 'updated', 'skipped', 'deleted', 'failed'] as const;
const DEFAULT_MAX_INVOCATIONS = 1000;

/**
 * The sync unit loading runs use: the last import's, else one kept for loading-only folders in
 * `loading-sync-unit.json` (so mapper records from earlier loading runs are found again).
 */
function loadingSyncUnit(services: PlatformServices, orgId: string): PlatformSyncUnit {
  const imported = loadPosition(services.layout.platformFile).syncUnit;
  if (imported) return imported;
  const file = path.join(services.layout.root, 'loading-sync-unit.json');
  const saved = readJsonIfExists<PlatformSyncUnit>(file);
  if (saved) return saved;
  const platformId = randomBytes(6).toString('hex');
  const unit: PlatformSyncUnit = { id: 'loading', name: 'Loading (no import in this folder)', platformId, don: syncUnitDon(orgId, platformId) };
  writeFileAtomic(file, `${JSON.stringify(unit, null, 2)}\n`);
  return unit;
}

/** Why `item` cannot be put in a transformer file of `itemType`, or undefined. */
function itemProblem(itemType: string, item: unknown): string | undefined {
  if (!item || typeof item !== 'object') return 'is not an object';
  const o = item as Record<string, unknown>;
  if (itemType === LOADING_ATTACHMENT_ITEM_TYPE) {
    for (const key of ['reference_id', 'parent_type', 'parent_reference_id', 'file_name', 'url']) {
      if (typeof o[key] !== 'string' || o[key] === '') return `has no ${key} (string)`;
    }
    return undefined;
  }
  const id = o.id as Record<string, unknown> | undefined;
  if (!id || typeof id.devrev !== 'string' || id.devrev === '') return 'has no id.devrev (string)';
  for (const key of ['created_date', 'modified_date']) {
    if (typeof o[key] !== 'string' || Number.isNaN(Date.parse(o[key] as string))) return `has no valid ${key}`;
  }
  if (!('data' in o)) return 'has no data';
  return undefined;
}

/** Drives one loading run on the platform emulator. */
class LoadRunDriver {
  private readonly runId = randomUUID();
  private readonly startedAt = new Date().toISOString();
  private readonly phases: LoadPhaseStats[] = [];
  private readonly reports = new Map<string, LoadReport>();
  private readonly processed = new Set<string>();
  private files: LoadRunResult['files'] = [];
  private unit!: PlatformSyncUnit;

  constructor(
    private readonly services: PlatformServices,
    private readonly options: LoadRunOptions,
  ) {}

  async drive(): Promise<LoadRunResult> {
    try {
      this.unit = loadingSyncUnit(this.services, this.options.connection.org_id);
      const statsFile = await this.uploadInput();
      const cursor: RunCursor = { phase: LOAD_PHASES[0], next: 'start' };
      const max = this.options.maxInvocations ?? DEFAULT_MAX_INVOCATIONS;
      if ((await drivePhases(this.services, cursor, this.plan(statsFile, max))) === 'limit') {
        throw new RunFailure(`stopped after ${max} invocations (maxInvocations) in phase ${cursor.phase}`);
      }
      return this.finish('done');
    } catch (err) {
      if (err instanceof RunFailure) return this.finish('error', err.message);
      throw err;
    }
  }

  /** Uploads one gzip JSONL transformer file per item type and the stats file; returns its id. */
  private async uploadInput(): Promise<string> {
    for (const [itemType, items] of Object.entries({ ...this.options.items, ...this.transformedRecords() })) {
      if (!Array.isArray(items)) throw new RunFailure(`items.${itemType} must be an array`);
      items.forEach((item, index) => {
        const problem = itemProblem(itemType, item);
        if (problem) throw new RunFailure(`items.${itemType}[${index}] ${problem}`);
      });
      if (items.length === 0) continue;
      const lines = items.map((item) => JSON.stringify(this.withExternalId(itemType, item)));
      const fileName = `${itemType}.jsonl.gz`;
      const id = await this.upload(fileName, 'application/x-gzip', gzipSync(`${lines.join('\n')}\n`));
      this.files.push({ id, item_type: itemType, file_name: fileName, count: String(items.length) });
    }
    const stats = this.files.map((f) => JSON.stringify(f)).join('\n');
    return this.upload('stats.jsonl', 'application/jsonl', Buffer.from(stats === '' ? '' : `${stats}\n`));
  }

  /** `devrevRecords` through the reverse field mappings (the loader's item shape). */
  private transformedRecords(): Record<string, LoadingItem[]> {
    const records = this.options.devrevRecords ?? {};
    if (Object.keys(records).length === 0) return {};
    const idm = this.options.initialDomainMapping ?? readJsonIfExists<InitialDomainMappingLike>(this.services.layout.initialDomainMappingFile);
    if (!idm) throw new RunFailure('devrevRecords need an initial domain mapping: none was given and none is installed');
    const externalIdOf = (don: string) => this.services.mappers.getByTarget(this.unit.don, don)?.external_ids.at(-1);
    try {
      return Object.fromEntries(Object.entries(records).map(([type, list]) => [type, reverseRecords(idm, type, list, externalIdOf)]));
    } catch (error) {
      if (error instanceof DomainMappingError) throw new RunFailure(`devrevRecords: ${error.message}`);
      throw error;
    }
  }

  /** As the platform does: a record already linked to an external id carries it in `id.external`. */
  private withExternalId(itemType: string, item: LoadingItem | Record<string, unknown>): unknown {
    if (itemType === LOADING_ATTACHMENT_ITEM_TYPE) return item;
    const loading = item as LoadingItem;
    const record = this.services.mappers.getByTarget(this.unit.don, loading.id.devrev);
    const external = record?.external_ids[record.external_ids.length - 1];
    return external ? { ...loading, id: { ...loading.id, external } } : item;
  }

  private async upload(fileName: string, fileType: string, bytes: Buffer): Promise<string> {
    const { artifacts } = this.services;
    const record = artifacts.prepare({ fileName, fileType, requestId: this.runId });
    await artifacts.receive(record.id, Readable.from([bytes]));
    await artifacts.confirm(record.id);
    return record.id;
  }

  /** The two loading phases; each allowed reply's reports are added up. */
  private plan(statsFile: string, maxInvocations: number): RunPlan {
    return {
      phases: LOAD_PHASES,
      invoke: this.options.invoke,
      delayScale: this.options.delayScale,
      maxInvocations,
      statsOf: (phase) => this.phaseStats(phase as LoadPhase),
      buildEvent: (_phase, eventType, requestId) => this.buildLoadingEvent(eventType, requestId, statsFile),
      onReply: (phase, reply, label) => {
        this.phaseStats(phase as LoadPhase).replies.push(reply.event_type);
        this.addReports(reply, label);
      },
    };
  }

  private phaseStats(phase: LoadPhase): LoadPhaseStats {
    let stats = this.phases.find((p) => p.phase === phase);
    if (!stats) {
      stats = { phase, invocations: 0, durationMs: 0, delays: 0, delaySeconds: 0, replies: [] };
      this.phases.push(stats);
    }
    return stats;
  }

  private buildLoadingEvent(eventType: string, requestId: string, statsFile: string): AirdropEvent {
    const event = buildEvent({
      baseUrl: this.services.baseUrl(),
      serviceAccountToken: this.services.serviceAccountToken,
      eventType,
      runId: this.runId,
      requestId,
      mode: 'INCREMENTAL',
      syncUnit: this.unit,
      connection: this.options.connection,
      globalValues: this.options.globalValues ?? {},
    });
    event.payload.event_context.mode = 'LOADING';
    event.payload.event_context.worker_data_url = `${this.services.baseUrl()}${ROUTES.workerDataBase}/loader`;
    event.payload.event_data = { stats_file: statsFile };
    event.execution_metadata.function_name = 'loading';
    return event;
  }

  /** Adds a reply's `reports` and `processed_files` (loader events always carry both, §3.1). */
  private addReports(reply: WireEmittedEvent, label: string): void {
    const data = reply.event_data ?? {};
    const reports = data.reports ?? [];
    const processed = data.processed_files ?? [];
    if (!Array.isArray(reports)) throw new RunFailure(`${label}: event_data.reports must be an array`);
    if (!Array.isArray(processed)) throw new RunFailure(`${label}: event_data.processed_files must be an array`);
    reports.forEach((r: Record<string, unknown>, index) => {
      if (!r || typeof r.item_type !== 'string') throw new RunFailure(`${label}: event_data.reports[${index}] has no item_type`);
      let sum = this.reports.get(r.item_type);
      if (!sum) {
        sum = { item_type: r.item_type, created: 0, updated: 0, skipped: 0, deleted: 0, failed: 0 };
        this.reports.set(r.item_type, sum);
      }
      for (const action of REPORT_ACTIONS) {
        const n = r[action] ?? 0;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
          throw new RunFailure(`${label}: event_data.reports[${index}].${action} must be a non-negative integer, got ${JSON.stringify(n)}`);
        }
        sum[action] += n;
      }
    });
    for (const id of processed) this.processed.add(String(id));
  }

  private finish(status: LoadRunResult['status'], error?: string): LoadRunResult {
    const result: LoadRunResult = {
      kind: 'load',
      runId: this.runId,
      startedAt: this.startedAt,
      endedAt: new Date().toISOString(),
      status,
      ...(error !== undefined && { error: runError(this.services, this.options, error) }),
      phases: this.phases,
      reports: [...this.reports.values()],
      processedFiles: [...this.processed],
      files: this.files,
      syncUnit: { id: this.unit?.id ?? '', name: this.unit?.name ?? '' },
    };
    fs.appendFileSync(this.services.layout.runsFile, `${JSON.stringify(result)}\n`);
    return result;
  }
}

/** Runs a loading run (data, then attachments) with `options` on the emulator's services. */
export function runLoad(services: PlatformServices, options: LoadRunOptions): Promise<LoadRunResult> {
  return new LoadRunDriver(services, options).drive();
}
