/**
 * The referential-integrity audit of an output folder's item store: every reference field (known from the
 * external domain metadata the run uploaded), every mention inside rich text, and every attachment's parent
 * and bytes must point at something that exists. What does not resolve is counted and sampled.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonLines } from '../fs-safe';
import { DomainMetadata, MetadataField, itemTypesInStore } from './sources';
import { IdDigestSet } from '../../extraction/id-digest-set';

/** How many unresolved examples are kept per field. */
export const AUDIT_SAMPLE_CAP = 20;

/** The audit of one reference field of one record type. */
export interface FieldAudit {
  itemType: string;
  field: string;
  /** Item types the field may point at (`#record:<type>`); a `#category:` target is listed as is. */
  targets: string[];
  checked: number;
  unresolved: number;
  sample: Array<{ id: string; value: string }>;
}

/** Result of {@link auditStore}. */
export interface IntegrityAudit {
  /** Artifact file the reference fields were read from (relative to the folder), or null if none was found. */
  metadataArtifact: string | null;
  checked: number;
  unresolved: number;
  fields: FieldAudit[];
  /** Mentions inside rich-text fields (`ref_type` + `id`). */
  mentions: { checked: number; unresolved: number; sample: Array<{ itemType: string; id: string; field: string; value: string }> };
  attachments: {
    total: number;
    parentUnresolved: number;
    missingBytes: number;
    sample: Array<{ id: string; problem: string }>;
  };
  /** Store lines that are not usable items. */
  badLines: Array<{ itemType: string; line: number; reason: string }>;
}

/** Mention `ref_type`s that name an item type differently. */
const MENTION_TARGETS: Record<string, string> = { artifact: 'attachments' };

interface Item {
  id: string;
  data?: Record<string, unknown>;
  parent_id?: unknown;
}

function storeFile(outDir: string, itemType: string): string {
  return path.join(outDir, 'items', `${itemType}.jsonl`);
}

async function* items(outDir: string, itemType: string, badLines: IntegrityAudit['badLines']): AsyncGenerator<Item> {
  for await (const entry of readJsonLines(storeFile(outDir, itemType))) {
    const value = entry.value as Item | undefined;
    if (entry.error || !value || typeof value.id !== 'string') {
      badLines.push({ itemType, line: entry.line, reason: entry.error ?? 'no string id' });
      continue;
    }
    yield value;
  }
}

/** The string ids a reference value holds: a string, an array of strings, or objects with an `id`. */
function referenceValues(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(referenceValues);
  if (typeof value === 'object' && 'id' in value) return referenceValues((value as { id: unknown }).id);
  return [];
}

function targetsOf(field: MetadataField): string[] {
  const refersTo = (field.reference ?? field.typed_reference)?.refers_to ?? {};
  return Object.keys(refersTo).map((key) => (key.startsWith('#record:') ? key.slice('#record:'.length) : key));
}

/** Audits the item store of `outDir` against the record types of `metadata`. */
export async function auditStore(outDir: string, metadata: DomainMetadata | undefined, metadataFile?: string): Promise<IntegrityAudit> {
  const audit: IntegrityAudit = {
    metadataArtifact: metadataFile ? path.relative(outDir, metadataFile) : null,
    checked: 0,
    unresolved: 0,
    fields: [],
    mentions: { checked: 0, unresolved: 0, sample: [] },
    attachments: { total: 0, parentUnresolved: 0, missingBytes: 0, sample: [] },
    badLines: [],
  };
  const itemTypes = itemTypesInStore(outDir);
  // Digests, not strings: the ids of every item of the store (a million parts at 50,000 conversations).
  const ids = new Map<string, IdDigestSet>();
  const ignoredBadLines: IntegrityAudit['badLines'] = [];
  for (const itemType of itemTypes) {
    const set = new IdDigestSet();
    for await (const item of items(outDir, itemType, ignoredBadLines)) set.add(item.id);
    ids.set(itemType, set);
  }
  const resolves = (targets: string[], value: string): boolean =>
    targets.some((t) => ids.get(t)?.has(value) ?? t.startsWith('#category:'));
  const anyItem = (value: string): boolean => [...ids.values()].some((set) => set.has(value));

  for (const itemType of itemTypes) {
    const fields = Object.entries(metadata?.record_types[itemType]?.fields ?? {});
    const refFields = fields
      .filter(([, f]) => f.type === 'reference' || f.type === 'typed_reference')
      .map(([name, f]) => ({ name, targets: targetsOf(f), audit: undefined as FieldAudit | undefined }));
    const richFields = fields.filter(([, f]) => f.type === 'rich_text').map(([name]) => name);
    for (const ref of refFields) {
      ref.audit = { itemType, field: ref.name, targets: ref.targets, checked: 0, unresolved: 0, sample: [] };
      audit.fields.push(ref.audit);
    }
    const isAttachment = itemType === 'attachments';
    for await (const item of items(outDir, itemType, audit.badLines)) {
      for (const ref of refFields) {
        const fieldAudit = ref.audit as FieldAudit;
        for (const value of referenceValues(item.data?.[ref.name])) {
          fieldAudit.checked++;
          if (!resolves(ref.targets, value)) {
            fieldAudit.unresolved++;
            if (fieldAudit.sample.length < AUDIT_SAMPLE_CAP) fieldAudit.sample.push({ id: item.id, value });
          }
        }
      }
      for (const field of richFields) auditMentions(audit, itemType, item, field, ids);
      if (isAttachment) auditAttachment(outDir, audit, item, anyItem);
    }
  }
  audit.checked = audit.fields.reduce((n, f) => n + f.checked, 0);
  audit.unresolved = audit.fields.reduce((n, f) => n + f.unresolved, 0);
  return audit;
}

function auditMentions(audit: IntegrityAudit, itemType: string, item: Item, field: string, ids: Map<string, IdDigestSet>): void {
  const value = item.data?.[field];
  if (!Array.isArray(value)) return;
  for (const part of value) {
    if (!part || typeof part !== 'object') continue;
    const { ref_type: refType, id } = part as { ref_type?: unknown; id?: unknown };
    if (typeof refType !== 'string' || typeof id !== 'string') continue;
    const target = MENTION_TARGETS[refType] ?? refType;
    // A mention of a type the store does not hold at all counts as unresolved too.
    audit.mentions.checked++;
    if (!ids.get(target)?.has(id)) {
      audit.mentions.unresolved++;
      if (audit.mentions.sample.length < AUDIT_SAMPLE_CAP) {
        audit.mentions.sample.push({ itemType, id: item.id, field, value: `${refType}:${id}` });
      }
    }
  }
}

function auditAttachment(outDir: string, audit: IntegrityAudit, item: Item, anyItem: (id: string) => boolean): void {
  audit.attachments.total++;
  const parent = referenceValues(item.parent_id ?? item.data?.parent_id)[0];
  const problems: string[] = [];
  if (!parent || !anyItem(parent)) {
    audit.attachments.parentUnresolved++;
    problems.push(`parent ${parent ?? '(none)'} not in the store`);
  }
  if (!fs.existsSync(path.join(outDir, 'attachments', item.id))) {
    audit.attachments.missingBytes++;
    problems.push('bytes not uploaded');
  }
  if (problems.length && audit.attachments.sample.length < AUDIT_SAMPLE_CAP) {
    audit.attachments.sample.push({ id: item.id, problem: problems.join('; ') });
  }
}
