import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { readJsonIfExists, writeFileAtomic as writeAtomic } from '../files/atomic';
import { diskFullError, findErrorCode } from './cli-error';

export { readJsonIfExists };

/**
 * {@link writeAtomic} for the CLI: on a full disk the old file stays intact and a `CliError` tells the
 * user what to do.
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  try {
    writeAtomic(file, data);
  } catch (err) {
    if (findErrorCode(err, (c) => c === 'ENOSPC')) throw diskFullError(file);
    throw err;
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
