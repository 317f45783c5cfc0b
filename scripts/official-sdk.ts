/**
 * The official @devrev/ts-adaas in place of our code/src/adaas/ layer, for `npm run test:sdk` and
 * `npm run package`: where its tarball is, and a copy of the project that runs on it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
/** The SDK's tarball: ADAAS_SDK_TGZ, default ../shared/vendor/devrev-ts-adaas-1.20.0.tgz. */
export const SDK_TARBALL = path.resolve(ROOT, process.env.ADAAS_SDK_TGZ ?? '../shared/vendor/devrev-ts-adaas-1.20.0.tgz');
/** Our layer's barrel; the swap makes it `export * from '@devrev/ts-adaas'`. */
export const ADAAS_BARREL = 'code/src/adaas/index.ts';

const COPIED = ['code', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'manifest.yaml'];

/** Exits with a one-line error saying where to put the tarball when it is missing. */
export function requireSdkTarball(command: string): void {
  if (fs.existsSync(SDK_TARBALL)) return;
  console.error(`${command}: the official SDK tarball is missing: put devrev-ts-adaas-1.20.0.tgz at ${SDK_TARBALL} (or set ADAAS_SDK_TGZ)`);
  process.exit(2);
}

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Copies the project to `dir`, installs the SDK tarball there and makes the one-line swap. */
export function prepareSdkTree(dir: string, log: (message: string) => void): void {
  for (const entry of COPIED) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  try {
    run('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')], dir); // hard links: fast
  } catch {
    run('npm', ['ci', '--no-audit', '--no-fund'], dir);
  }
  log(`installing ${path.basename(SDK_TARBALL)}`);
  run('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', SDK_TARBALL], dir);
  fs.writeFileSync(path.join(dir, ADAAS_BARREL), "export * from '@devrev/ts-adaas';\n");
}
