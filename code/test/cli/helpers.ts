/** Helpers for the CLI tests: run the CLI as a child process, temporary folders, headless Chromium. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { launchChromium } from '../browser';
import { tempDir as sharedTempDir } from '../temp-dir';

export const REPO = path.resolve(__dirname, '../../..');
const MAIN = path.join(REPO, 'code', 'src', 'cli', 'main.ts');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'airdrop-cli-'): string {
  return sharedTempDir(prefix);
}

/**
 * Runs `node --import tsx code/src/cli/main.ts ...args` in a child process. `INTERCOM_TOKEN` is not inherited unless
 * given in `env`. `onOutput` sees stdout as it arrives (e.g. to send SIGINT at the right moment); `onSpawn` gets the
 * child at once (e.g. to kill it when an emulator sees a given request).
 */
export function runCli(
  args: string[],
  o: {
    env?: Record<string, string>;
    cwd?: string;
    timeoutMs?: number;
    onOutput?: (text: string, child: ReturnType<typeof spawn>) => void;
    onSpawn?: (child: ReturnType<typeof spawn>) => void;
  } = {},
): Promise<CliRun> {
  const env = { ...process.env };
  delete env.INTERCOM_TOKEN;
  delete env.NODE_ENV;
  Object.assign(env, o.env ?? {});
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader), not the tsx CLI: that one runs the script in a grandchild, so a
    // SIGKILL would hit only the wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: o.cwd ?? REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    o.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 110_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      o.onOutput?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Opens `file` in headless Chromium (the one `npm ci` brings) and hands the page to `use`. */
export async function withPage<T>(file: string, use: (page: import('playwright-core').Page, requests: string[]) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    return await use(page, requests);
  } finally {
    await browser.close();
  }
}

/** The value at a dotted path (`runs.0.http.requests`) of a JSON value. */
export function valueAt(root: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, key) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[key]), root);
}

/** Parses a number as the report page shows it (`1,234`, `12.5%`). */
export function shownNumber(text: string, format: string | null): number {
  const clean = text.replace(/,/g, '').replace('%', '').trim();
  const n = Number(clean);
  return format === 'percent' ? n / 100 : n;
}

/** A file's bytes, decompressed when it is gzip (artifacts are uploaded gzipped). */
export function readMaybeGzip(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return zlib.gunzipSync(bytes);
  } catch {
    return bytes;
  }
}
