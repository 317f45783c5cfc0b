/**
 * Starts bench/snap-in-process.ts. The token goes in the child's environment, never in its argv:
 * a process's arguments are readable by every user of the machine (`ps`). glibc gives each thread that
 * allocates (every worker, libuv's pool) a malloc arena of its own, and the attachments phase's buffers
 * left them fragmented: two arenas took the RSS of a 1,000-conversation import from 274 to 241 MB.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { SnapInRunOptions } from './snap-in-process';

export const TOKEN_ENV = 'INTERCOM_TOKEN';

export function forkSnapIn(options: SnapInRunOptions, execArgv: string[]): ChildProcess {
  const { token, ...rest } = options;
  return fork(path.join(__dirname, 'snap-in-process.ts'), [JSON.stringify(rest)], {
    execArgv,
    silent: true,
    env: { ...process.env, [TOKEN_ENV]: token, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
  });
}
