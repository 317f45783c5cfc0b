/**
 * Sync mapper records (§7.3): the platform's table linking external ids to DevRev targets,
 * kept in memory and persisted to `mappers.json` after every change.
 */
import { randomBytes } from 'node:crypto';
import { readJsonIfExists, writeFileAtomic } from '../../files/atomic';
import type { SyncMapperRecord } from './wire';

/** Body of `airdrop.sync-mapper-record.create`: a record without its id. */
export type MapperCreateBody = Omit<SyncMapperRecord, 'id'>;

/** Body of `airdrop.sync-mapper-record.update`: list fields come as `{add: [...]}`. */
export interface MapperUpdateBody {
  id: string;
  sync_unit: string;
  external_ids?: { add?: string[] };
  secondary_ids?: Record<string, string>;
  targets?: { add?: string[] };
  status?: string;
  input_files?: { add?: string[] };
  external_versions?: { add?: { modified_date?: string; recipe_version?: number }[] };
  extra_data?: string;
}

export class MapperStore {
  private readonly records: Map<string, SyncMapperRecord>;

  constructor(private readonly file: string) {
    const stored = readJsonIfExists<SyncMapperRecord[]>(file) ?? [];
    this.records = new Map(stored.map((r) => [r.id, r]));
  }

  getByTarget(syncUnit: string, target: string): SyncMapperRecord | undefined {
    return [...this.records.values()].find((r) => r.sync_unit === syncUnit && r.targets.includes(target));
  }

  /** Lookup by external id; `target_type` is accepted but not checked (targets carry no type here). */
  getByExternalId(syncUnit: string, externalId: string): SyncMapperRecord | undefined {
    return [...this.records.values()].find((r) => r.sync_unit === syncUnit && r.external_ids.includes(externalId));
  }

  create(body: MapperCreateBody): SyncMapperRecord {
    const record: SyncMapperRecord = {
      id: `don:integration:dvrv-us-1:devo/0:sync_mapper_record/${randomBytes(6).toString('hex')}`,
      sync_unit: body.sync_unit,
      external_ids: [...body.external_ids],
      targets: [...body.targets],
      status: body.status,
      ...(body.secondary_ids && { secondary_ids: body.secondary_ids }),
      ...(body.input_files && { input_files: body.input_files }),
      ...(body.external_versions && { external_versions: body.external_versions }),
      ...(body.extra_data !== undefined && { extra_data: body.extra_data }),
    };
    this.records.set(record.id, record);
    this.save();
    return record;
  }

  /** Applies an update; undefined when no record has that id. */
  update(body: MapperUpdateBody): SyncMapperRecord | undefined {
    const record = this.records.get(body.id);
    if (!record) return undefined;
    const addUnique = (list: string[], add?: string[]) => {
      for (const v of add ?? []) if (!list.includes(v)) list.push(v);
    };
    addUnique(record.external_ids, body.external_ids?.add);
    addUnique(record.targets, body.targets?.add);
    if (body.input_files?.add) addUnique((record.input_files ??= []), body.input_files.add);
    if (body.external_versions?.add) (record.external_versions ??= []).push(...body.external_versions.add);
    if (body.secondary_ids) record.secondary_ids = { ...record.secondary_ids, ...body.secondary_ids };
    if (body.status) record.status = body.status;
    if (body.extra_data !== undefined) record.extra_data = body.extra_data;
    this.save();
    return record;
  }

  private save(): void {
    writeFileAtomic(this.file, JSON.stringify([...this.records.values()], null, 2));
  }
}
