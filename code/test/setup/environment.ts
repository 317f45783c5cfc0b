/**
 * jest's node environment, plus the removal of the file's temporary folders (../temp-dir.ts) and one check: a test file leaves Node's `http` and `https` modules as it
 * found them. Unlike the modules jest loads per file, those are shared by every file a worker runs.
 * Loading nock patches them; a file that does not restore them sends the requests of every later file
 * in that worker through nock's interceptor, whose passthrough stalls streamed uploads
 * (attachments.test.ts timed out in CI after extraction/local-only.test.ts had run in its worker).
 * The check runs after the file's own afterAll hooks, where nock is restored.
 */
import * as fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import { TEMP_DIRS_KEY } from '../temp-dir';

const sharedEntryPoints = () => ({
  'http.request': http.request,
  'http.get': http.get,
  'http.ClientRequest': http.ClientRequest,
  'https.request': https.request,
  'https.get': https.get,
});

export default class SharedHttpCheckingEnvironment extends TestEnvironment {
  private readonly atStart = sharedEntryPoints();

  override async teardown(): Promise<void> {
    const dirs = (this.global as unknown as Record<string, string[] | undefined>)[TEMP_DIRS_KEY] ?? [];
    if (process.env.KEEP_TEST_TMP !== '1') for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    await super.teardown();
  }

  async handleTestEvent(event: Circus.Event, state: Circus.State): Promise<void> {
    if (event.name !== 'run_finish') return;
    const now = sharedEntryPoints();
    const patched = (Object.keys(now) as (keyof typeof now)[]).filter((name) => now[name] !== this.atStart[name]);
    if (patched.length > 0) {
      state.unhandledErrors.push(
        new Error(
          `This test file left ${patched.join(', ')} patched (nock loaded and not restored?): every later test file ` +
            'in this jest worker would send its requests through the patch. Restore it in afterAll (installNockHooks does).',
        ),
      );
    }
  }
}
