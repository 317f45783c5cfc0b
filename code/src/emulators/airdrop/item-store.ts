/**
 * The merged item store: `items/<item_type>.jsonl`, the latest version of each id wins.
 *
 * The file is a log: a batch appends the lines of new ids and of ids whose content changed, in one
 * write; nothing is re-read per write. The ids' digests are indexed in a file ({@link DigestIndex},
 * `items-index/`), so a merge costs its own size only and the memory does not grow with the store. When superseded lines outnumber live ones, and when a run
 * ends ({@link compactAll}), the file is compacted in one streaming pass (temp file + rename) to one
 * line per id. A crash can only tear the last appended line: loading cuts such a torn tail off.
 */
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { replaceFileAtomic, unlessMissing } from '../../files/atomic';
import { DigestIndex, type IdDigest } from './digest-index';
import type { OutputLayout } from './layout';

/** Counts of one merge (or of a whole run, summed). */
export interface ItemCounts {
  /** Lines received. */
  received: number;
  /** Ids not in the store before. */
  new: number;
  /** Ids already in the store whose content changed. */
  updated: number;
}

/** Superseded lines tolerated before a merge compacts the file (besides "more than live ones"). */
const COMPACT_AFTER_SUPERSEDED = 10_000;

interface TypeIndex {
  ids: DigestIndex;
  /** Lines in the file (live + superseded). */
  lines: number;
}

export class ItemStore {
  private readonly cache = new Map<string, TypeIndex>();

  constructor(private readonly layout: OutputLayout) {}

  /** Merges items (each with a string `id`) of one item type and appends what changed. */
  merge(itemType: string, items: { id: string }[]): ItemCounts {
    const index = this.load(itemType);
    return index.ids.withFile(() => this.mergeInto(itemType, index, items));
  }

  private mergeInto(itemType: string, index: TypeIndex, items: { id: string }[]): ItemCounts {
    const counts: ItemCounts = { received: items.length, new: 0, updated: 0 };
    const appended: string[] = [];
    for (const item of items) {
      const line = JSON.stringify(item);
      const id = idDigest(item.id);
      const content = lineDigest(line);
      const previous = index.ids.put(id, content);
      if (previous === content) continue; // unchanged (or repeated inside this batch)
      if (previous === undefined) counts.new++;
      else counts.updated++;
      appended.push(`${line}\n`);
    }
    if (appended.length > 0) {
      fs.appendFileSync(this.layout.itemsFile(itemType), appended.join(''));
      index.lines += appended.length;
    }
    const superseded = index.lines - index.ids.size;
    if (superseded > COMPACT_AFTER_SUPERSEDED && superseded > index.ids.size) this.compact(itemType, index);
    return counts;
  }

  /** Number of distinct ids stored for an item type. */
  count(itemType: string): number {
    return this.load(itemType).ids.size;
  }

  /** Rewrites every file that holds superseded lines to one line per id (e.g. when a run ends). */
  compactAll(): void {
    for (const [itemType, index] of this.cache) {
      if (index.lines > index.ids.size) index.ids.withFile(() => this.compact(itemType, index));
    }
  }

  private load(itemType: string): TypeIndex {
    let index = this.cache.get(itemType);
    if (index) return index;
    fs.mkdirSync(this.layout.itemsIndexDir, { recursive: true });
    index = { ids: new DigestIndex(this.layout.itemsIndexFile(itemType)), lines: 0 };
    const file = this.layout.itemsFile(itemType);
    const loaded = index;
    const complete = loaded.ids.withFile(() =>
      forEachLine(file, (line) => {
        loaded.ids.put(idDigest((JSON.parse(line) as { id: string }).id), lineDigest(line));
        loaded.lines += 1;
      }),
    );
    if (complete !== undefined && complete < fs.statSync(file).size) fs.truncateSync(file, complete); // torn append
    this.cache.set(itemType, index);
    return index;
  }

  /** One streaming pass: keeps, for each id, the first line with its latest content. */
  private compact(itemType: string, index: TypeIndex): void {
    const file = this.layout.itemsFile(itemType);
    let lines = 0;
    try {
      replaceFileAtomic(file, (fd) => {
        let chunk: string[] = [];
        forEachLine(file, (line) => {
          const id = idDigest((JSON.parse(line) as { id: string }).id);
          if (!index.ids.claim(id, lineDigest(line))) return;
          chunk.push(line);
          lines += 1;
          if (chunk.length >= 1000) {
            fs.writeSync(fd, `${chunk.join('\n')}\n`);
            chunk = [];
          }
        });
        if (chunk.length > 0) fs.writeSync(fd, `${chunk.join('\n')}\n`);
      });
    } finally {
      index.ids.clearMarks();
    }
    index.lines = lines;
  }
}

function idDigest(id: string): IdDigest {
  const d = createHash('sha1').update(id).digest();
  return { high: d.readUInt32BE(0), low: d.readUInt32BE(4) || 1 };
}

function lineDigest(line: string): number {
  return createHash('sha1').update(line).digest().readUInt32BE(0);
}

/**
 * Calls `onLine` for each complete, non-blank line of `file`, reading 1 MB at a time (files may exceed
 * the largest string Node can hold). Returns the byte length of the complete lines, or undefined when
 * the file does not exist.
 */
function forEachLine(file: string, onLine: (line: string) => void): number | undefined {
  const fd = unlessMissing(() => fs.openSync(file, 'r'));
  if (fd === undefined) return undefined;
  const buffer = Buffer.alloc(1 << 20);
  let carry = Buffer.alloc(0);
  let complete = 0;
  try {
    for (let read; (read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      const data = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        const line = data.toString('utf8', start, nl);
        if (line.trim() !== '') onLine(line);
        complete += nl + 1 - start;
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
  } finally {
    fs.closeSync(fd);
  }
  return complete;
}
