/**
 * The bench runs the snap-in as DevRev does: compiled JavaScript, not TypeScript compiled on the fly.
 * Under tsx every worker thread (one per invocation) loads the tsx hook and transpiles its modules,
 * 1–2 s per worker on a busy machine that DevRev's deployed package never spends. The build is
 * `npm run build`'s (tsconfig.build.json, its one home), made once when the bench starts.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..', '..', '..');
const BUILD_CONFIG = path.join(ROOT, 'tsconfig.build.json');
/** The snap-in process's entry, relative to the build's root (code/src). */
const SNAP_IN_ENTRY = path.join('cli', 'bench', 'snap-in-process.js');

/** Where `npm run build` writes the compiled code (tsconfig.build.json's outDir). */
export function buildOutDir(): string {
  const config = JSON.parse(fs.readFileSync(BUILD_CONFIG, 'utf8')) as { compilerOptions: { outDir: string } };
  return path.resolve(ROOT, config.compilerOptions.outDir);
}

/**
 * Compiles the snap-in into `outDir` (default: the build's) and returns its compiled snap-in process
 * entry. `outDir` must lie inside the project: the compiled files find their packages in its node_modules.
 */
export function buildSnapIn(outDir = buildOutDir()): string {
  if (path.relative(ROOT, outDir).startsWith('..')) throw new Error(`the build must lie inside ${ROOT} (its node_modules), not ${outDir}`);
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', BUILD_CONFIG, '--outDir', outDir], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    throw new Error(`the snap-in does not compile (${BUILD_CONFIG}):\n${String((error as { stdout?: string }).stdout ?? error)}`);
  }
  const entry = path.join(outDir, SNAP_IN_ENTRY);
  if (!fs.existsSync(entry)) throw new Error(`the build has no ${SNAP_IN_ENTRY} in ${outDir}`);
  return entry;
}
