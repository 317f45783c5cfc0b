/**
 * The merged item store: `items/<item_type>.jsonl`, one line per id, the latest version wins.
 * Each merge rewrites the file atomically (temp file + rename).
 */
import * as fs from 'node:fs';
import { writeFileAtomic, type OutputLayout } from './layout';

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
    for (const item of items) {
      const line = JSON.stringify(item);
      const previous = lines.get(item.id);
      if (previous === undefined) counts.new++;
      else if (previous !== line) counts.updated++;
      lines.set(item.id, line);
    }
    const body = [...lines.values()].map((l) => `${l}\n`).join('');
    writeFileAtomic(this.layout.itemsFile(itemType), body);
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
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const item = JSON.parse(line) as { id: string };
        lines.set(item.id, line);
      }
    }
    this.cache.set(itemType, lines);
    return lines;
  }
}
