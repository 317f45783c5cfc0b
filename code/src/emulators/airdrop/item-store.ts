/**
 * The merged item store: `items/<item_type>.jsonl`, one line per id, the latest version wins.
 *
 * A batch of only new ids is appended in one write (imports stay linear in size); a batch that
 * changes stored ids rewrites the file through a temp file + rename. A crash can only tear the
 * last appended line: loading drops such a torn tail (the resumed run redoes that invocation).
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
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

export class ItemStore {
  private readonly cache = new Map<string, Map<string, string>>();

  constructor(private readonly layout: OutputLayout) {}

  /** Merges items (each with a string `id`) of one item type and writes the file. */
  merge(itemType: string, items: { id: string }[]): ItemCounts {
    const lines = this.load(itemType);
    const counts: ItemCounts = { received: items.length, new: 0, updated: 0 };
    const appended: string[] = [];
    let rewrite = false;
    for (const item of items) {
      const line = JSON.stringify(item);
      const previous = lines.get(item.id);
      if (previous === undefined) {
        counts.new++;
        appended.push(line);
      } else {
        if (previous !== line) counts.updated++;
        rewrite = true; // also when the id repeats inside this batch: the file must hold it once
      }
      lines.set(item.id, line);
    }
    const file = this.layout.itemsFile(itemType);
    if (rewrite) writeLinesAtomic(file, lines.values());
    else if (appended.length > 0) fs.appendFileSync(file, appended.map((l) => `${l}\n`).join(''));
    return counts;
  }

  /** Number of distinct ids stored for an item type. */
  count(itemType: string): number {
    return this.load(itemType).size;
  }

  private load(itemType: string): Map<string, string> {
    let lines = this.cache.get(itemType);
    if (lines) return lines;
    lines = new Map();
    const file = this.layout.itemsFile(itemType);
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8');
      const rows = text.split('\n');
      const tornTail = !text.endsWith('\n') && text.length > 0;
      rows.forEach((line, index) => {
        if (line.trim() === '') return;
        if (tornTail && index === rows.length - 1) return; // an append cut short by a crash
        const item = JSON.parse(line) as { id: string };
        lines!.set(item.id, line);
      });
      if (tornTail) writeLinesAtomic(file, lines.values());
    }
    this.cache.set(itemType, lines);
    return lines;
  }
}

/** Writes lines to a temp file in chunks (no giant string), then renames it over `file`. */
function writeLinesAtomic(file: string, lines: Iterable<string>): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    let chunk: string[] = [];
    for (const line of lines) {
      chunk.push(line);
      if (chunk.length >= 1000) {
        fs.writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length > 0) fs.writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
