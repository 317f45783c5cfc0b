/**
 * The deployable package as DevRev gets it: its archive unpacked into a clean folder, the production
 * dependencies installed from its lock (offline, from npm's cache and the vendored SDK), the entry
 * loaded. Returns the problems found (none: the package is good). Used by `npm run test:sdk`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Folders of the source tree that must not reach the runtime bundle. */
const NOT_SHIPPED = ['emulators', 'cli', 'test'];
/** Packages only the emulators, the CLI or the tests use: none may be installed or loaded. */
const NOT_INSTALLED = ['fastify', 'commander', '@faker-js/faker', 'jest', 'nock', 'playwright-core', 'tsx'];

/** Loads the entry in a child process and reports what it exports and which files it loaded. */
const PROBE = `
const entry = require(process.cwd());
const factory = entry.functionFactory ?? {};
process.stdout.write(JSON.stringify({
  functions: Object.fromEntries(Object.entries(factory).map(([k, v]) => [k, typeof v])),
  loaded: Object.keys(require.cache),
}));`;

export function checkPackage(archive: string): { problems: string[]; dependencies: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snap-in-package-'));
  try {
    execFileSync('tar', ['-xzf', archive, '-C', dir]);
    const problems: string[] = [];
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main?: string; devDependencies?: object };
    if (pkg.main !== './dist/index.js') problems.push(`package.json main is ${pkg.main}, not ./dist/index.js`);
    if (pkg.devDependencies) problems.push('package.json has devDependencies');
    const files = fs.readdirSync(path.join(dir, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((f) => fs.statSync(path.join(dir, 'dist', f)).isFile());
    for (const file of files) {
      const top = file.split(path.sep)[0]!;
      if (NOT_SHIPPED.includes(top) || /\.test\.js$/.test(file)) problems.push(`dist/${file} is not runtime code`);
      if (top === 'adaas' && file !== path.join('adaas', 'index.js')) problems.push(`dist/${file}: our adaas/ layer is shipped, not only the re-export of the SDK`);
    }
    for (const worker of ['extraction/workers/data.js', 'extraction/workers/metadata.js', 'loading/workers/load-data.js']) {
      if (!files.includes(worker)) problems.push(`dist/${worker} is missing`);
    }

    execFileSync('npm', ['ci', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const installed = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    const sdk = installed.packages['node_modules/@devrev/ts-adaas'];
    if (sdk?.version !== '1.20.0') problems.push(`@devrev/ts-adaas installed: ${sdk?.version ?? 'none'}, not 1.20.0`);
    for (const name of NOT_INSTALLED) {
      if (`node_modules/${name}` in installed.packages) problems.push(`${name} is installed with the production dependencies`);
    }

    const probe = JSON.parse(execFileSync(process.execPath, ['-e', PROBE], { cwd: dir, encoding: 'utf8' })) as { functions: Record<string, string>; loaded: string[] };
    for (const name of ['extraction', 'loading']) {
      if (probe.functions[name] !== 'function') problems.push(`functionFactory.${name} is ${probe.functions[name] ?? 'missing'}, not a function`);
    }
    const fromSdk = probe.loaded.some((f) => f.includes(`${path.sep}node_modules${path.sep}@devrev${path.sep}ts-adaas${path.sep}`));
    if (!fromSdk) problems.push('loading the entry does not load @devrev/ts-adaas');
    for (const file of probe.loaded) {
      if (!file.startsWith(dir)) problems.push(`the entry loaded ${file}, outside the package`);
      if (NOT_INSTALLED.some((name) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`))) problems.push(`the entry loaded ${file}`);
    }
    return { problems, dependencies: Object.keys(installed.packages).length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
