/**
 * The merged item store: `items/<item_type>.jsonl`, one line per id, the latest version wins.
 *
 * A batch of only new ids is appended in one write (imports stay linear in size); a batch that
 * changes stored ids rewrites the file through a temp file + rename. A crash can only tear the
 * last appended line: loading drops such a torn tail (the resumed run redoes that invocation).
 */
import * as fs from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
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
  /** Per item type: id → hash of its stored line (the lines themselves stay on disk). */
  private readonly cache = new Map<string, Map<string, string>>();

  constructor(private readonly layout: OutputLayout) {}

  /** Merges items (each with a string `id`) of one item type and writes the file. */
  merge(itemType: string, items: { id: string }[]): ItemCounts {
    const hashes = this.load(itemType);
    const counts: ItemCounts = { received: items.length, new: 0, updated: 0 };
    const latest = new Map<string, string>(); // id → line, for this batch
    let rewrite = false;
    for (const item of items) {
      const line = JSON.stringify(item);
      const hash = hashLine(line);
      const previous = hashes.get(item.id);
      if (previous === undefined) counts.new++;
      else {
        if (previous !== hash) counts.updated++;
        rewrite = true; // also when the id repeats inside this batch: the file must hold it once
      }
      hashes.set(item.id, hash);
      latest.set(item.id, line);
    }
    const file = this.layout.itemsFile(itemType);
    if (rewrite) rewriteWith(file, latest);
    else if (latest.size > 0) fs.appendFileSync(file, [...latest.values()].map((l) => `${l}\n`).join(''));
    return counts;
  }

  /** Number of distinct ids stored for an item type. */
  count(itemType: string): number {
    return this.load(itemType).size;
  }

  private load(itemType: string): Map<string, string> {
    let hashes = this.cache.get(itemType);
    if (hashes) return hashes;
    hashes = new Map();
    const file = this.layout.itemsFile(itemType);
    const { lines, tornTail } = readStoredLines(file);
    for (const line of lines) hashes.set((JSON.parse(line) as { id: string }).id, hashLine(line));
    if (tornTail) writeLinesAtomic(file, lines);
    this.cache.set(itemType, hashes);
    return hashes;
  }
}

function hashLine(line: string): string {
  return createHash('sha1').update(line).digest('base64');
}

/** The complete lines of a store file; a last line without newline is a torn append and left out. */
function readStoredLines(file: string): { lines: string[]; tornTail: boolean } {
  if (!fs.existsSync(file)) return { lines: [], tornTail: false };
  const text = fs.readFileSync(file, 'utf8');
  const rows = text.split('\n');
  const tornTail = text.length > 0 && !text.endsWith('\n');
  if (tornTail) rows.pop();
  return { lines: rows.filter((l) => l.trim() !== ''), tornTail };
}

/** Replaces the stored lines of the ids in `latest` and appends the ids the file does not hold yet. */
function rewriteWith(file: string, latest: Map<string, string>): void {
  const pending = new Map(latest);
  const out: string[] = [];
  for (const line of readStoredLines(file).lines) {
    const id = (JSON.parse(line) as { id: string }).id;
    const replacement = pending.get(id);
    out.push(replacement ?? line);
    pending.delete(id);
  }
  out.push(...pending.values());
  writeLinesAtomic(file, out);
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
