/**
 * `pushes.jsonl`: every item the connector pushed, one line per item of each ingested artifact, in the
 * order received, never de-duplicated (the item store keeps one line per id, so it cannot show that
 * something was sent twice). Tests count pushes per run with it.
 */
import * as fs from 'node:fs';

/** One pushed item. */
export interface PushRecord {
  /** Run id (`platform.json`); a resumed run keeps its id. */
  run: string;
  kind: 'import' | 'sync' | 'delete';
  /** Item type of the artifact (`ssor_attachment` for attachment files). */
  item_type: string;
  /** The item's id (for an attachment file, its external id). */
  id: string;
  artifact: string;
}

/** Appends the pushes of one artifact in one write. */
export function appendPushes(file: string, records: PushRecord[]): void {
  if (records.length > 0) fs.appendFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/** Every push recorded in `file` (none when the file does not exist). */
export function readPushLog(file: string): PushRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as PushRecord);
}

/** Which of `artifactIds` have pushes in `file` (read in chunks: the log may exceed Node's largest string). */
export function artifactsInPushLog(file: string, artifactIds: string[]): Set<string> {
  const found = new Set<string>();
  if (artifactIds.length === 0 || !fs.existsSync(file)) return found;
  const needles = artifactIds.map((id) => [id, `"artifact":${JSON.stringify(id)}`] as const);
  const overlap = Math.max(...needles.map(([, n]) => n.length));
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(8 * 1024 * 1024);
    let carry = '';
    for (let read; (read = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      const text = carry + chunk.toString('latin1', 0, read);
      for (const [id, needle] of needles) if (text.includes(needle)) found.add(id);
      carry = text.slice(-overlap);
    }
  } finally {
    fs.closeSync(fd);
  }
  return found;
}
