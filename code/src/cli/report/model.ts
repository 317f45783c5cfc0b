/** The report's shape: `DIR/report.json` is exactly a `Report`, and `report.html` renders one. */
import type { IntegrityAudit } from './audit';
import type { BadLine } from './sources';

export type Severity = 'error' | 'warning' | 'info';

/** Something a person should look at, most severe first. */
export interface Problem {
  severity: Severity;
  /** Short machine-readable kind, e.g. `run_failed`, `unresolved_references`. */
  kind: string;
  message: string;
}

/** Per item type in one run. */
export interface ItemTypeRow {
  itemType: string;
  /** Items the connector pushed (its own counter; falls back to what the platform received). */
  extracted: number;
  new: number;
  updated: number;
  skipped: number;
  skippedSample: Array<{ id: string; reason: string }>;
  /** Items that could not be completed (attachments: extracted but their bytes never arrived). */
  failed: number;
  failedSample: Array<{ id: string; reason: string }>;
}

/** HTTP traffic to Intercom in one run, from the connector's counters. */
export interface HttpRow {
  requests: number;
  retries: number;
  rateLimited: number;
  serverErrors: number;
  waitedSeconds: number;
  delays: number;
  /** Intercom's allowed requests per 10 s (X-RateLimit-Limit), when known. */
  allowedPer10s: number | null;
  /** requests / (allowed rate × run duration): 1 = the run used the whole budget. */
  rateShare: number | null;
}

/** One import, sync or delete run. */
export interface RunReport {
  runId: string;
  kind: string;
  status: string;
  error: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number;
  phases: Array<{ phase: string; invocations: number; durationSeconds: number; delays: number; delaySeconds: number }>;
  itemTypes: ItemTypeRow[];
  truncatedConversations: { count: number; sample: Array<{ id: string; returned: number; total: number }> };
  deletions: Array<{ itemType: string; count: number; sample: Array<{ id: string; reason: string }> }>;
  http: HttpRow | null;
  attachments: { received: number; bytes: number };
  options: Record<string, unknown> | null;
  /** Where the connector's counters came from: the CLI's record of the run, the state, or nowhere. */
  countersSource: 'recorded' | 'state' | 'missing';
}

/** Everything `report.json` holds. */
export interface Report {
  reportVersion: 1;
  generatedAt: string;
  outDir: string;
  workspace: { id: string; name: string; region: string; timezone?: string } | null;
  intercomBaseUrl: string | null;
  options: { allConversations: boolean; contactReferenceField: string } | null;
  problems: Problem[];
  runs: RunReport[];
  store: { itemTypes: Array<{ itemType: string; count: number }>; attachmentFiles: number; attachmentBytes: number };
  audit: IntegrityAudit;
  badLines: BadLine[];
}
