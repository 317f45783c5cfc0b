/**
 * One object kind of the generated workspace (contacts, companies, tags, articles): the generated
 * objects, known by index, and the overlay mutations write — created objects, patches and deletions,
 * by id. One shape for create, update and delete.
 */
import { invalid } from './errors';
import type { JsonObject } from './types';

/** Fields no patch may change. */
const READ_ONLY_FIELDS = new Set(['id', 'type', 'created_at', 'workspace_id', 'app_id']);

/** How the generated objects of a kind are numbered. */
export interface GeneratedIds {
  count(): number;
  idOf(index: number): string;
  /** The index of a generated id, when it can be computed; else a map is built once from `idOf`. */
  indexOf?(id: string): number | undefined;
}

export class KindCollection<T> {
  readonly created = new Map<string, T>();
  readonly createdOrder: string[] = [];
  readonly patches = new Map<string, JsonObject>();
  readonly deleted = new Set<string>();
  private baseIds?: string[];
  private indexById?: Map<string, number>;

  /** Without `generated`, the kind's generated objects are kept elsewhere (tags: `people.tags`). */
  constructor(private readonly generated: GeneratedIds = { count: () => 0, idOf: String }) {}

  /** Live ids: the generated ones in index order, then the created ones; deleted ids left out. */
  ids(): string[] {
    this.baseIds ??= Array.from({ length: this.generated.count() }, (_, i) => this.generated.idOf(i));
    return [...this.baseIds, ...this.createdOrder].filter((id) => !this.deleted.has(id));
  }

  /** The generation index of `id`; undefined for created or unknown ids. */
  index(id: string): number | undefined {
    if (this.generated.indexOf) return this.generated.indexOf(id);
    this.indexById ??= new Map(Array.from({ length: this.generated.count() }, (_, i) => [this.generated.idOf(i), i]));
    return this.indexById.get(id);
  }

  exists(id: string): boolean {
    return !this.deleted.has(id) && (this.index(id) !== undefined || this.created.has(id));
  }

  add(id: string, value: T): void {
    this.created.set(id, value);
    this.createdOrder.push(id);
  }

  /** Records `patch` on top of the earlier ones (custom attributes merged) and stamps `updated_at`. */
  patch(kind: string, id: string, patch: JsonObject, at: number): void {
    this.patches.set(id, combine(this.patches.get(id), cleanPatch(kind, id, patch), at));
  }

  /** Stamps `updated_at` without changing a field (e.g. a tag attached elsewhere). */
  touch(id: string, at: number): void {
    this.patches.set(id, combine(this.patches.get(id), {}, at));
  }
}

/** Rejects patches that would change identity fields; returns a copy. */
function cleanPatch(kind: string, id: string, patch: JsonObject): JsonObject {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw invalid(kind, id, 'patch must be an object');
  for (const key of Object.keys(patch)) {
    if (READ_ONLY_FIELDS.has(key)) throw invalid(kind, id, `field "${key}" cannot be changed`);
  }
  return structuredClone(patch);
}

/** Accumulates patches (custom attributes merged) and stamps `updated_at`. */
function combine(previous: JsonObject | undefined, patch: JsonObject, at: number): JsonObject {
  const out: JsonObject = structuredClone(previous ?? {});
  mergePatch(out, patch);
  if (patch.custom_attributes && previous?.custom_attributes) {
    out.custom_attributes = { ...(previous.custom_attributes as JsonObject), ...(patch.custom_attributes as JsonObject) };
  }
  out.updated_at = at;
  return out;
}

/** Shallow merge, except `custom_attributes`, which Intercom merges key by key. */
export function mergePatch(target: JsonObject, patch: JsonObject | undefined): void {
  if (!patch) return;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'custom_attributes' && value && typeof value === 'object') {
      target.custom_attributes = { ...(target.custom_attributes as JsonObject), ...(value as JsonObject) };
    } else {
      target[key] = structuredClone(value);
    }
  }
}

/** A bounded memo: cleared when full, so memory stays flat on huge workspaces. */
export class Memo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K, make: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = make();
      this.map.set(key, value);
    }
    return value;
  }
}
