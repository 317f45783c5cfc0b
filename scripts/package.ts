/**
 * `npm run package`: what `devrev snap_in_version create-one --path build/snap-in --create-package`
 * deploys, in the layout of DevRev's airdrop template (a manifest beside a `code/` npm project whose
 * `npm run package` archive holds `dist`, `package.json`, `package-lock.json` and `.npmrc`):
 *
 *   build/snap-in/manifest.yaml
 *   build/snap-in/code/package.json       main ./dist/index.js (exports functionFactory: extraction, loading);
 *                                         the runtime dependencies only, exact versions
 *   build/snap-in/code/package-lock.json
 *   build/snap-in/code/.npmrc
 *   build/snap-in/code/vendor/<sdk>.tgz   the official @devrev/ts-adaas (`file:` dependency: the registry
 *                                         these machines reach does not have it; on npmjs.com it is 1.20.0)
 *   build/snap-in/code/dist/              the entry and its workers compiled on the official SDK: only their
 *                                         imports, so no emulator, CLI, test or our adaas/ layer
 *   build/snap-in/code/build.tar.gz       the archive of all of the above but the manifest
 *
 * `npm run test:sdk` unpacks the archive into a clean folder, installs it and loads it (package-check.ts).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { prepareSdkTree, requireSdkTarball, ROOT, SDK_TARBALL } from './official-sdk';

export const PACKAGE_DIR = path.join(ROOT, 'build/snap-in');
export const ARCHIVE = 'build.tar.gz';
/** What the archive holds, as in the template's `npm run package` (plus the vendored SDK). */
const ARCHIVED = ['dist', 'package.json', 'package-lock.json', '.npmrc', 'vendor'];
const SDK_NAME = '@devrev/ts-adaas';
/** Folders whose workers `code/src/index.ts` hands to spawn by path. */
const WORKER_DIRS = ['code/src/extraction/workers', 'code/src/loading/workers'];

const log = (message: string): void => console.log(`package: ${message}`);

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The entry and every worker file, relative to the tree. */
function entryFiles(tree: string): string[] {
  const workers = WORKER_DIRS.flatMap((dir) =>
    fs.readdirSync(path.join(tree, dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`));
  return ['code/src/index.ts', ...workers];
}

/** Compiles the entry and the workers (and whatever they import, nothing else) into `outDir`. */
function compileEntry(tree: string, outDir: string): void {
  const config = {
    extends: './tsconfig.json',
    compilerOptions: { rootDir: 'code/src', outDir, types: ['node'], noEmitOnError: true, sourceMap: false },
    files: entryFiles(tree),
    include: [],
  };
  fs.writeFileSync(path.join(tree, 'tsconfig.package.json'), JSON.stringify(config, null, 2));
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.package.json'], { cwd: tree, encoding: 'utf8' });
  } catch (error) {
    throw new Error(`the snap-in does not compile against ${SDK_NAME}:\n${String((error as { stdout?: string }).stdout ?? error)}`);
  }
}

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => path.join(dir, f));
}

/** npm packages the compiled files require (bare specifiers that are not Node's own modules). */
function requiredPackages(dist: string): string[] {
  const names = new Set<string>();
  for (const file of jsFiles(dist)) {
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g)) {
      if (spec!.startsWith('node:') || builtinModules.includes(spec!)) continue;
      const parts = spec!.split('/');
      names.add(spec!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
    }
  }
  return [...names].sort();
}

/** Exact versions of the runtime dependencies, as installed (and tested) here; the SDK from its tarball. */
function runtimeDependencies(dist: string): Record<string, string> {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies: Record<string, string> = {};
  for (const name of requiredPackages(dist)) {
    if (name === SDK_NAME) {
      dependencies[name] = `file:vendor/${path.basename(SDK_TARBALL)}`;
      continue;
    }
    if (!(name in root.dependencies)) throw new Error(`the snap-in requires ${name}, which is not among package.json's dependencies`);
    dependencies[name] = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  }
  if (!(SDK_NAME in dependencies)) throw new Error(`the compiled snap-in does not require ${SDK_NAME}`);
  return dependencies;
}

/**
 * Builds the package from `tree`, a copy of the project prepared on the official SDK (a fresh one
 * when omitted), into `out` (default build/snap-in). Returns the archive's path.
 */
export function buildPackage(options: { tree?: string; out?: string } = {}): string {
  const out = options.out ?? PACKAGE_DIR;
  const own = options.tree === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'package-')) : undefined;
  const tree = options.tree ?? own!;
  try {
    if (own) {
      log(`preparing a copy of the project on the official SDK in ${own}`);
      prepareSdkTree(own, log);
    }
    fs.rmSync(out, { recursive: true, force: true });
    const code = path.join(out, 'code');
    log('compiling the entry and its workers');
    compileEntry(tree, path.join(code, 'dist'));
    const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    const manifest = {
      name: 'intercom-airdrop-snap-in',
      version: rootPackage.version,
      description: rootPackage.description,
      license: rootPackage.license,
      private: true,
      main: './dist/index.js',
      engines: rootPackage.engines,
      dependencies: runtimeDependencies(path.join(code, 'dist')),
    };
    fs.writeFileSync(path.join(code, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(code, '.npmrc'), 'save-exact=true\n');
    fs.mkdirSync(path.join(code, 'vendor'));
    fs.copyFileSync(SDK_TARBALL, path.join(code, 'vendor', path.basename(SDK_TARBALL)));
    fs.copyFileSync(path.join(ROOT, 'manifest.yaml'), path.join(out, 'manifest.yaml'));
    log('locking the runtime dependencies (the versions locked here, pruned)');
    fs.copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(code, 'package-lock.json'));
    // With the registry URLs of what it adds (the SDK's own dependencies), whatever the user's npmrc omits.
    run('npm', ['install', '--package-lock-only', '--prefer-offline', '--omit-lockfile-registry-resolved=false', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], code);
    run('tar', ['-czf', ARCHIVE, ...ARCHIVED], code);
    const archive = path.join(code, ARCHIVE);
    log(`${path.relative(ROOT, archive)} (${Math.round(fs.statSync(archive).size / 1024)} KB): ${Object.keys(manifest.dependencies).join(', ')}`);
    return archive;
  } finally {
    if (own) fs.rmSync(own, { recursive: true, force: true });
  }
}

if (require.main === module) {
  requireSdkTarball('package');
  try {
    buildPackage();
    log(`deploy with: devrev snap_in_version create-one --path ${path.relative(process.cwd(), PACKAGE_DIR) || '.'} --create-package`);
  } catch (error) {
    console.error(`package: FAILED: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
