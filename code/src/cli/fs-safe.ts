import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { diskFullError, findErrorCode } from './cli-error';

/**
 * Writes a file so that readers see either the old content or the new one, never half of it:
 * the bytes go to `<file>.tmp` first and are renamed over the file. On a full disk the temporary file is
 * removed, the old file stays intact, and a `CliError` tells the user what to do.
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (findErrorCode(err, (c) => c === 'ENOSPC')) throw diskFullError(file);
    throw err;
  }
}

/** Reads and parses a JSON file, or returns undefined when it does not exist. */
export function readJsonIfExists(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message})`);
  }
}

/** Streams a JSON Lines file line by line; a line that does not parse comes back as an error entry. */
export async function* readJsonLines(file: string): AsyncGenerator<{ line: number; value?: unknown; error?: string }> {
  if (!fs.existsSync(file)) return;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    if (!raw.trim()) continue;
    try {
      yield { line: lineNo, value: JSON.parse(raw) as unknown };
    } catch (err) {
      yield { line: lineNo, error: (err as Error).message };
    }
  }
}
