/**
 * Dependencies by role: `dependencies` are exactly what the deployed functions load (the snap-in's folders,
 * followed import by import from `code/src/index.ts`); the emulators', the CLI's and the tests' libraries are
 * devDependencies, so a production install (`npm ci --omit=dev`) carries none of them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>; devDependencies: Record<string, string>;
};

/** Relative imports and package names of one source file (static imports, `import()` and `require`). */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''); // code, not comments
  const specs = [...text.matchAll(/(?:from|import\(|require\()\s*'([^']+)'/g)].map((m) => m[1]!);
  const local = specs.filter((s) => s.startsWith('.'));
  const packages = specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
  return { local, packages };
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile() && f.endsWith('.ts'));
}

/** Every package the deployed functions reach: from the function entry and the workers it starts by path. */
function runtimePackages(): Map<string, string> {
  const src = path.join(ROOT, 'code/src');
  const entries = [path.join(src, 'index.ts'), ...fs.readdirSync(path.join(src, 'loading/workers')).map((f) => path.join(src, 'loading/workers', f)),
    ...fs.readdirSync(path.join(src, 'extraction/workers')).map((f) => path.join(src, 'extraction/workers', f))];
  const seen = new Set<string>();
  const found = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { local, packages } = importsOf(file);
    for (const p of packages) if (!found.has(p)) found.set(p, path.relative(ROOT, file));
    for (const spec of local) {
      const target = resolveLocal(file, spec);
      if (target) queue.push(target);
    }
  }
  return found;
}

describe('dependencies by role', () => {
  const runtime = runtimePackages();

  it('every package the deployed functions import is a runtime dependency', () => {
    // tsx is resolved only to run .ts workers locally; the deployed functions are compiled JavaScript.
    const missing = [...runtime].filter(([name]) => name !== 'tsx' && !(name in pkg.dependencies)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('no runtime dependency is one the deployed functions do not import (emulators, CLI, tests: devDependencies)', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !runtime.has(name))).toEqual([]);
  });

  it('the emulators\' and the CLI\'s libraries, and yaml (tests only), are devDependencies', () => {
    const tooling = ['fastify', '@fastify/formbody', '@fastify/multipart', '@faker-js/faker', 'ajv', 'ajv-formats', 'commander', 'cli-progress', 'read', 'yaml', 'tsx'];
    expect(tooling.filter((name) => !(name in pkg.devDependencies))).toEqual([]);
  });
});
