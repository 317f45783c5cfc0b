/**
 * How `npm run airdrop` starts the CLI: the node flags (and environment settings) of package.json's
 * `airdrop` script, their one home. The bench starts its snap-in processes the same way, so its
 * `peak_rss_mb` is what a user's import takes, not the figure of bench-only settings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Launch {
  /** Node/V8 flags, e.g. `--max-old-space-size=64` (they apply to every isolate: main thread and workers). */
  nodeFlags: string[];
  /** Environment variables the script sets (`NAME=value` before the command, through cross-env). */
  env: Record<string, string>;
}

const PACKAGE_JSON = path.join(__dirname, '..', '..', '..', '..', 'package.json');

/** The launch of one npm script (default `airdrop`): flags between `tsx` and the script's entry file. */
export function airdropLaunch(script = 'airdrop'): Launch {
  const scripts = (JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8')) as { scripts: Record<string, string> }).scripts;
  const command = scripts[script];
  if (command === undefined) throw new Error(`package.json has no "${script}" script`);
  const words = command.trim().split(/\s+/);
  const env: Record<string, string> = {};
  const nodeFlags: string[] = [];
  for (const word of words) {
    if (word.endsWith('.ts')) break;
    const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (assignment) env[assignment[1]] = assignment[2];
    else if (word.startsWith('--')) nodeFlags.push(word);
  }
  return { nodeFlags, env };
}
