/** Public types of the Airdrop platform emulator (contract §4). */
import type { DevRevRecord, InitialDomainMappingLike } from './domain-mapping';
import type { LoadPhase, Phase } from './event-types';
import type { ItemCounts } from './item-store';

export type { AirdropEvent } from './wire';
export type { LoadPhase, Phase } from './event-types';
export type { ItemCounts } from './item-store';

/**
 * A snap-in function as the emulator calls it: with `[event]`, an `AirdropEvent` of the wire shape.
 * The parameter is typed `never[]` on purpose, so that a function typed with the SDK layer's own
 * `AirdropEvent` (enums where the wire has strings) is accepted; the JSON is the same.
 */
export type SnapInFunction = (events: never[]) => Promise<void>;

/** How a run is driven: the snap-in function to call and what the user chose. */
export interface RunOptions {
  /** The snap-in function (code/src/index.ts) to call, once per invocation, with one event. */
  invoke: SnapInFunction;
  /** The connection (keyring) the import uses; `key` is a secret and never leaves the events. */
  connection: { key: string; key_type: string; org_id: string; org_name: string };
  /** `input_data.global_values` of every event (strings). */
  globalValues?: Record<string, string>;
  /** Which external sync unit to pick; default the first one the connector reported. */
  syncUnitId?: string;
  /** Multiplies DELAY waits (tests: 0.01); default 1. */
  delayScale?: number;
  /** Stop (resumably) after this many invocations in this call; default 10000. */
  maxInvocations?: number;
  /** Send the legacy event type strings (`EXTRACTION_DATA_START`, ...) instead of the new ones. */
  legacyEventTypes?: boolean;
  /** Called after each invocation and after each processed artifact. */
  onProgress?: (p: RunProgress) => void;
}

/** Which kind of run: initial import, incremental sync, or import deletion. */
export type RunKind = 'import' | 'sync' | 'delete';

/** Per-phase statistics of a run. */
export interface PhaseStats {
  phase: Phase;
  invocations: number;
  /** Time spent inside the snap-in function (not in DELAY waits). */
  durationMs: number;
  /** Number of `*_DELAYED` replies. */
  delays: number;
  /** Sum of the requested delays, unscaled. */
  delaySeconds: number;
}

/** One line of `runs.jsonl`: what a run did and how it ended. */
export interface RunResult {
  kind: RunKind;
  runId: string;
  startedAt: string;
  endedAt: string;
  status: 'done' | 'error';
  error?: string;
  phases: PhaseStats[];
  /** Per item type: lines received, ids new to the store, ids whose content changed. */
  items: Record<string, ItemCounts>;
  /** Attachment files received (ssor_attachment records) and their bytes. */
  attachments: { received: number; bytes: number };
  syncUnit: { id: string; name: string };
  /** Problems that did not fail the run, e.g. uploaded artifacts no event reported. */
  warnings?: string[];
}

/** Progress report for a CLI: sent after each invocation and after each artifact. */
export interface RunProgress {
  kind: RunKind;
  runId: string;
  /** `invocation`: an invocation ended (`reply` set); `artifact`: an artifact was stored. */
  type: 'invocation' | 'artifact';
  phase: Phase;
  /** The event type sent for the current invocation. */
  eventType: string;
  /** The event type the connector emitted (for `invocation`). */
  reply?: string;
  /** The artifact just processed (for `artifact`). */
  artifact?: { id: string; itemType: string; itemCount: number };
  /** Invocations so far in this run, and in the current phase. */
  invocations: number;
  phaseInvocations: number;
  items: Record<string, ItemCounts>;
  attachments: { received: number; bytes: number };
}

/** The running platform emulator. */
export interface AirdropEmulator {
  /** http://127.0.0.1:<port>; `execution_metadata.devrev_endpoint` of every event. */
  baseUrl: string;
  /** ESU → metadata → data* → attachments*; mode INITIAL. Resumes an unfinished import. */
  runImport(run: RunOptions): Promise<RunResult>;
  /** metadata → data* → attachments*; mode INCREMENTAL, on the sync unit of the last import. */
  runSync(run: RunOptions): Promise<RunResult>;
  /** Extractor state deletion, then attachments state deletion; then drops the stored state. */
  runDelete(run: RunOptions): Promise<RunResult>;
  close(): Promise<void>;
}

/** Options of `startAirdropEmulator`. */
export interface AirdropEmulatorOptions {
  /** The output folder (contract §4); created if missing. */
  outDir: string;
  /** Default 0 (ephemeral); always bound to 127.0.0.1. */
  port?: number;
}

/** A DevRev record handed to the loader (§7.1). */
export interface LoadingItem {
  id: { devrev: string; external?: string };
  created_date: string;
  modified_date: string;
  data: unknown;
}

/** What a loading run needs; `items` maps an item type to its records (`attachment` → attachments phase). */
export interface LoadRunOptions extends Pick<RunOptions, 'invoke' | 'connection' | 'globalValues' | 'delayScale'> {
  /** Items in the loader's shape, by item type (already transformed). */
  items?: Record<string, Array<LoadingItem | Record<string, unknown>>>;
  /**
   * DevRev objects by external record type, transformed as the platform does: the reverse field
   * mappings of `initialDomainMapping` (default: the one the snap-in installed), DevRev ids the sync
   * mapper knows replaced by their external ids (`domain-mapping.ts`).
   */
  devrevRecords?: Record<string, DevRevRecord[]>;
  initialDomainMapping?: InitialDomainMappingLike;
  /** Guard against loops: the run fails after this many invocations (default 1000). */
  maxInvocations?: number;
}

/** Counts of one item type, summed over the run's replies. */
export interface LoadReport {
  item_type: string;
  created: number;
  updated: number;
  skipped: number;
  deleted: number;
  failed: number;
}

/** Per-phase statistics of a loading run. */
export interface LoadPhaseStats {
  phase: LoadPhase;
  invocations: number;
  durationMs: number;
  delays: number;
  delaySeconds: number;
  /** The event type of every reply, in order. */
  replies: string[];
}

/** One line of `runs.jsonl` for a loading run. */
export interface LoadRunResult {
  kind: 'load';
  runId: string;
  startedAt: string;
  endedAt: string;
  status: 'done' | 'error';
  error?: string;
  phases: LoadPhaseStats[];
  /** Per item type: the counts of all replies added up (each reply reports its own invocation). */
  reports: LoadReport[];
  /** Artifact ids the connector reported fully processed. */
  processedFiles: string[];
  /** The uploaded transformer files (the stats file's lines). */
  files: Array<{ id: string; item_type: string; file_name: string; count: string }>;
  syncUnit: { id: string; name: string };
}
