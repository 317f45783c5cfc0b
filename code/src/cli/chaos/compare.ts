/**
 * What `npm run chaos` checks: the output folder of the run under faults against the fault-free
 * one (same items, same attachment files), and the platform's push log (each item pushed once per
 * run: nothing twice).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPushLog } from '../../emulators/airdrop/push-log';

export interface StoreComparison {
  itemsCompared: number;
  /** `item type/id` present in the reference only. */
  lost: string[];
  /** Present under chaos only. */
  extra: string[];
  /** Present in both with other data. */
  differing: string[];
  filesCompared: number;
  /** Attachment files missing or of another size. */
  filesDiffering: string[];
}

function itemsOf(dir: string): Map<string, string> {
  const items = new Map<string, string>();
  const itemsDir = path.join(dir, 'items');
  if (!fs.existsSync(itemsDir)) return items;
  for (const file of fs.readdirSync(itemsDir).filter((f) => f.endsWith('.jsonl'))) {
    const itemType = file.replace(/\.jsonl$/, '');
    for (const line of fs.readFileSync(path.join(itemsDir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const item = JSON.parse(line) as { id: string; data?: unknown };
      items.set(`${itemType}/${item.id}`, JSON.stringify(item.data ?? item));
    }
  }
  return items;
}

function filesOf(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  const attachments = path.join(dir, 'attachments');
  if (!fs.existsSync(attachments)) return files;
  for (const name of fs.readdirSync(attachments)) files.set(name, fs.statSync(path.join(attachments, name)).size);
  return files;
}

/** Compares the stores of two output folders, item by item and file by file. */
export function compareStores(referenceDir: string, chaosDir: string): StoreComparison {
  const reference = itemsOf(referenceDir);
  const chaos = itemsOf(chaosDir);
  const lost = [...reference.keys()].filter((k) => !chaos.has(k));
  const extra = [...chaos.keys()].filter((k) => !reference.has(k));
  const differing = [...reference.keys()].filter((k) => chaos.has(k) && chaos.get(k) !== reference.get(k));
  const referenceFiles = filesOf(referenceDir);
  const chaosFiles = filesOf(chaosDir);
  const filesDiffering = [...new Set([...referenceFiles.keys(), ...chaosFiles.keys()])].filter((f) => referenceFiles.get(f) !== chaosFiles.get(f));
  return { itemsCompared: reference.size, lost, extra, differing, filesCompared: referenceFiles.size, filesDiffering };
}

/** Per run kind: the pushed `item type/id`s, and those pushed more than once in the same run. */
export function pushesByKind(dir: string): Record<string, { pushed: Set<string>; twice: string[] }> {
  const out: Record<string, { pushed: Set<string>; twice: string[] }> = {};
  const counts = new Map<string, number>();
  for (const push of readPushLog(path.join(dir, 'pushes.jsonl'))) {
    const key = `${push.item_type}/${push.id}`;
    const runKey = `${push.kind}\n${push.run}\n${key}`;
    const n = (counts.get(runKey) ?? 0) + 1;
    counts.set(runKey, n);
    const entry = (out[push.kind] ??= { pushed: new Set(), twice: [] });
    entry.pushed.add(key);
    if (n === 2) entry.twice.push(key);
  }
  return out;
}
