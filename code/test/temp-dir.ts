/**
 * Temporary folders for tests. Each is removed by the test environment (setup/environment.ts) once its
 * file has finished, after the file's own afterAll hooks have closed the emulators writing into it.
 * `KEEP_TEST_TMP=1` keeps them, to look at what a failed test left.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where a test file's folders are listed for the environment; its global object is the file's. */
export const TEMP_DIRS_KEY = '__intercomAirdropTestTempDirs';

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const registry = globalThis as unknown as Record<string, string[] | undefined>;
  (registry[TEMP_DIRS_KEY] ??= []).push(dir);
  return dir;
}
