/**
 * Starts bench/snap-in-process.ts. The token goes in the child's environment, never in its argv:
 * a process's arguments are readable by every user of the machine (`ps`). `env` adds the settings
 * `npm run airdrop` starts the CLI with (`airdrop-launch.ts`). `entry` is the process's file: this
 * TypeScript source (run it with `--import tsx` in execArgv) or its compiled build (`snap-in-build.ts`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { SnapInRunOptions } from './snap-in-process';

export const TOKEN_ENV = 'INTERCOM_TOKEN';
const SOURCE_ENTRY = path.join(__dirname, 'snap-in-process.ts');

export function forkSnapIn(options: SnapInRunOptions, execArgv: string[], env: Record<string, string> = {}, entry = SOURCE_ENTRY): ChildProcess {
  const { token, ...rest } = options;
  return fork(entry, [JSON.stringify(rest)], {
    execArgv,
    silent: true,
    env: { ...process.env, ...env, [TOKEN_ENV]: token },
  });
}
