/**
 * The one home for whole-file JSON state on disk, shared by the platform emulator and the CLI:
 * atomic writes (readers see the old content or the new, never half) and reads that tell a missing
 * file from a broken one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes `data` to `file` through `<file>.tmp` and a rename. On failure the temporary file is removed,
 * the old file stays intact and the error is rethrown (the caller names the cause for its user).
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Reads and parses a JSON file, or returns undefined when it does not exist; invalid JSON is an error naming the file. */
export function readJsonIfExists<T = unknown>(file: string): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message})`);
  }
}
