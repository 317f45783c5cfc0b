import * as fs from 'fs';
import * as path from 'path';
import type { WorkerAdapterOptions } from '../types/workers';
import { DEFAULT_WORKER_PHASE_DIRS } from '../common/constants';

const EXTENSIONS = ['', '.js', '.ts', '/index.js', '/index.ts'];

/** The existing file for a path given with or without extension, or undefined. */
export function resolveScript(candidate: string): string | undefined {
  for (const ext of EXTENSIONS) {
    const file = candidate + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

/**
 * The worker file of an event: explicit `workerPath`; else `baseWorkerPath` + the override for the
 * event type; else `baseWorkerPath/workers/<phase>`. Undefined when none exists (deletions by default).
 */
export function getWorkerPath(params: {
  eventType: string;
  workerPath?: string;
  baseWorkerPath?: string;
  options?: WorkerAdapterOptions;
}): string | undefined {
  if (params.workerPath) return resolveScript(params.workerPath) ?? params.workerPath;
  if (!params.baseWorkerPath) return undefined;
  const override = params.options?.workerPathOverrides?.[params.eventType as keyof NonNullable<WorkerAdapterOptions['workerPathOverrides']>];
  if (override) return resolveScript(path.join(params.baseWorkerPath, override));
  const phase = DEFAULT_WORKER_PHASE_DIRS[params.eventType];
  return phase ? resolveScript(path.join(params.baseWorkerPath, 'workers', phase)) : undefined;
}
