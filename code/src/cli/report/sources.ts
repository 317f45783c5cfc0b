/**
 * Reads what an output folder holds (contract §4 of docs/contracts.md plus the CLI's own files) into typed,
 * validated values. Everything is parsed loosely (unknown keys pass) so that a newer platform emulator or
 * connector does not break the report; a line that does not fit is reported, not dropped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { z } from 'zod';
import { readJsonIfExists, readJsonLines } from '../fs-safe';

const phaseSchema = z.looseObject({
  phase: z.string(),
  invocations: z.number().default(0),
  durationMs: z.number().default(0),
  delays: z.number().default(0),
  delaySeconds: z.number().default(0),
});

const timeSchema = z.union([z.string(), z.number()]).optional();

/** One line of `DIR/runs.jsonl`: a run as the platform emulator saw it. */
export const RunResultSchema = z.looseObject({
  kind: z.string(),
  runId: z.string(),
  startedAt: timeSchema,
  endedAt: timeSchema,
  status: z.string(),
  error: z.string().optional().nullable(),
  phases: z.array(phaseSchema).default([]),
  items: z
    .record(z.string(), z.looseObject({ received: z.number().default(0), new: z.number().default(0), updated: z.number().default(0) }))
    .default({}),
  attachments: z.looseObject({ received: z.number().default(0), bytes: z.number().default(0) }).optional(),
  syncUnit: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
});
export type RunResultLine = z.infer<typeof RunResultSchema>;

const sampled = z.object({ count: z.number(), sample: z.array(z.looseObject({ id: z.string(), reason: z.string() })) });

/** The connector's bounded report (`state.json` → `intercom.report`, see code/src/extraction/state.ts). */
export const ConnectorReportSchema = z.looseObject({
  runStartedAt: z.number().nullable().optional(),
  mode: z.string().nullable().optional(),
  items: z.record(z.string(), z.looseObject({ extracted: z.number(), skipped: sampled })).default({}),
  truncatedConversations: z
    .object({ count: z.number(), sample: z.array(z.looseObject({ id: z.string(), returned: z.number(), total: z.number() })) })
    .default({ count: 0, sample: [] }),
  deletions: z.record(z.string(), sampled).default({}),
  deletionDetectionSkipped: z.record(z.string(), z.string()).default({}),
  http: z
    .looseObject({
      requests: z.number().default(0),
      retries: z.number().default(0),
      rateLimited: z.number().default(0),
      serverErrors: z.number().default(0),
      waitedSeconds: z.number().default(0),
      delays: z.number().default(0),
    })
    .optional(),
  options: z.looseObject({}).nullable().optional(),
});
export type ConnectorReport = z.infer<typeof ConnectorReportSchema>;

/**
 * One line of `DIR/cli-runs.jsonl`, written by the CLI after each run: the connector's report of that run
 * (the state keeps only the latest one) and what the CLI knew about the connection.
 */
export const CliRunRecordSchema = z.looseObject({
  runId: z.string(),
  kind: z.string(),
  recordedAt: z.string(),
  connectorReport: ConnectorReportSchema.nullable(),
  rateLimitPer10s: z.number().optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});
export type CliRunRecord = z.infer<typeof CliRunRecordSchema>;

/** A line of a JSONL file that could not be used, with where it is and why. */
export interface BadLine {
  file: string;
  line: number;
  reason: string;
}

async function readLines<T>(file: string, schema: z.ZodType<T>, bad: BadLine[]): Promise<T[]> {
  const out: T[] = [];
  for await (const entry of readJsonLines(file)) {
    if (entry.error) {
      bad.push({ file, line: entry.line, reason: `not JSON: ${entry.error}` });
      continue;
    }
    const parsed = schema.safeParse(entry.value);
    if (parsed.success) out.push(parsed.data);
    else bad.push({ file, line: entry.line, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  return out;
}

export function readRuns(outDir: string, bad: BadLine[]): Promise<RunResultLine[]> {
  return readLines(path.join(outDir, 'runs.jsonl'), RunResultSchema, bad);
}

export function readCliRuns(outDir: string, bad: BadLine[]): Promise<CliRunRecord[]> {
  return readLines(path.join(outDir, 'cli-runs.jsonl'), CliRunRecordSchema, bad);
}

/**
 * The run the platform emulator has not finished yet (`DIR/platform.json` → `current`), as a run line with
 * status `unfinished`, or undefined when every run finished.
 */
export function readUnfinishedRun(outDir: string): RunResultLine | undefined {
  const position = readJsonIfExists(path.join(outDir, 'platform.json')) as
    | { current?: { phase?: string; result?: Record<string, unknown> } }
    | undefined;
  const current = position?.current;
  if (!current?.result) return undefined;
  const parsed = RunResultSchema.safeParse({
    ...current.result,
    status: 'unfinished',
    error: `stopped in phase ${current.phase ?? 'unknown'}; run the same command again to resume`,
  });
  return parsed.success ? parsed.data : undefined;
}

/** The connector report in `DIR/state.json`, if the folder has one. */
export function readStateReport(outDir: string): ConnectorReport | undefined {
  const state = readJsonIfExists(path.join(outDir, 'state.json')) as { intercom?: { report?: unknown } } | undefined;
  const parsed = ConnectorReportSchema.safeParse(state?.intercom?.report);
  return parsed.success ? parsed.data : undefined;
}

/** Item types present in `DIR/items/`. */
export function itemTypesInStore(outDir: string): string[] {
  const dir = path.join(outDir, 'items');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
}

/** Reads the content of an artifact file, gunzipping it when it is gzip. Big files are not read. */
function readArtifactText(file: string, maxBytes: number): string | undefined {
  const stat = fs.statSync(file);
  if (!stat.isFile() || stat.size > maxBytes) return undefined;
  const bytes = fs.readFileSync(file);
  try {
    return (bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The parts of the external domain metadata the audit needs. */
export interface DomainMetadata {
  record_types: Record<string, { fields?: Record<string, MetadataField> }>;
}
export interface MetadataField {
  type: string;
  reference?: { refers_to?: Record<string, unknown> };
  typed_reference?: { refers_to?: Record<string, unknown> };
  collection?: unknown;
}

/**
 * The external domain metadata the last run uploaded (item type `external_domain_metadata`): the platform
 * emulator's copy `DIR/external_domain_metadata.json` when present, else the newest artifact under
 * `DIR/artifacts/` whose content is an object with `record_types`.
 */
export function readDomainMetadata(outDir: string): { metadata: DomainMetadata; file: string } | undefined {
  const dir = path.join(outDir, 'artifacts');
  if (!fs.existsSync(dir)) return undefined;
  // The platform emulator also keeps a parsed copy of the last metadata beside the artifacts.
  const copies = [path.join(outDir, 'external_domain_metadata.json')];
  const files = [...copies.filter((f) => fs.existsSync(f)), ...listFilesRecursive(dir)]
    .map((file) => ({ file, mtime: fs.statSync(file).mtimeMs, named: file.includes('external_domain_metadata') }))
    // Files named after the item type first, then newest first.
    .sort((a, b) => Number(b.named) - Number(a.named) || b.mtime - a.mtime);
  for (const { file } of files) {
    const text = readArtifactText(file, 5 * 1024 * 1024);
    if (!text) continue;
    const firstLine = text.trimStart().startsWith('{') ? firstJsonValue(text) : undefined;
    if (firstLine && typeof firstLine === 'object' && 'record_types' in firstLine) {
      return { metadata: firstLine as DomainMetadata, file };
    }
  }
  return undefined;
}

function firstJsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const line = text.split('\n').find((l) => l.trim());
    try {
      return line ? (JSON.parse(line) as unknown) : undefined;
    } catch {
      return undefined;
    }
  }
}

function listFilesRecursive(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFilesRecursive(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
