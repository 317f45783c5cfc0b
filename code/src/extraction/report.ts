/**
 * The run report kept in the connector state (`intercom.report`, what the CLI reads from
 * `state.json`): counts per item type with capped samples of skipped, pending and deleted items,
 * truncated conversations, HTTP counters. Every list in it stays capped.
 */
import { z } from 'zod';

/** How many `{id, reason}` examples a counter keeps. */
export const SAMPLE_CAP = 20;

const sampleEntry = z.object({ id: z.string(), reason: z.string() });

/** A count plus a capped sample of examples. */
const sampledCounter = z.object({ count: z.number().int().nonnegative(), sample: z.array(sampleEntry) });
export type SampledCounter = z.infer<typeof sampledCounter>;

const itemTypeReport = z.object({
  extracted: z.number().int().nonnegative(),
  skipped: sampledCounter,
  /** Files that failed for a passing reason (429, 5xx, network, stall): kept and tried again next run. */
  pending: sampledCounter.optional(),
});
/** Per item type: how many items were pushed, how many were skipped and why. */
export type ItemTypeReport = z.infer<typeof itemTypeReport>;

export const reportSchema = z.object({
  /** Unix seconds when this report's run started its data phase. */
  runStartedAt: z.number().nullable(),
  mode: z.enum(['full', 'incremental']).nullable(),
  items: z.record(z.string(), itemTypeReport),
  /** Conversations with more than 500 parts: only the most recent 500 could be read. */
  truncatedConversations: z.object({
    count: z.number().int().nonnegative(),
    sample: z.array(z.object({ id: z.string(), returned: z.number(), total: z.number() })),
  }),
  /** Objects found deleted in Intercom, per item type (DevRev is not told automatically; see README). */
  deletions: z.record(z.string(), sampledCounter),
  /** Kinds whose deletions could not be detected in this run, with the reason. */
  deletionDetectionSkipped: z.record(z.string(), z.string()),
  http: z.object({
    requests: z.number().nonnegative(),
    retries: z.number().nonnegative(),
    rateLimited: z.number().nonnegative(),
    serverErrors: z.number().nonnegative(),
    waitedSeconds: z.number().nonnegative(),
    delays: z.number().nonnegative(),
  }),
  options: z.object({
    importAllConversations: z.boolean(),
    contactReferenceField: z.string(),
    region: z.string(),
  }).nullable(),
});
/** The bounded report the CLI reads from `state.json` (`intercom.report`). */
export type ExtractionReport = z.infer<typeof reportSchema>;

export function emptyReport(): ExtractionReport {
  return {
    runStartedAt: null,
    mode: null,
    items: {},
    truncatedConversations: { count: 0, sample: [] },
    deletions: {},
    deletionDetectionSkipped: {},
    http: { requests: 0, retries: 0, rateLimited: 0, serverErrors: 0, waitedSeconds: 0, delays: 0 },
    options: null,
  };
}


function addSample<T>(list: T[], entry: T): T[] {
  return list.length >= SAMPLE_CAP ? list : [...list, entry];
}

function itemReport(report: ExtractionReport, itemType: string): ItemTypeReport {
  return report.items[itemType] ?? { extracted: 0, skipped: { count: 0, sample: [] } };
}

/** Mutating helpers for the report: every list in it stays capped. */
export const reportCounters = {
  extracted(report: ExtractionReport, itemType: string, n: number): void {
    const r = itemReport(report, itemType);
    report.items[itemType] = { ...r, extracted: r.extracted + n };
  },
  skipped(report: ExtractionReport, itemType: string, id: string, reason: string): void {
    const r = itemReport(report, itemType);
    report.items[itemType] = {
      ...r,
      skipped: { count: r.skipped.count + 1, sample: addSample(r.skipped.sample, { id, reason: reason.slice(0, 300) }) },
    };
  },
  pending(report: ExtractionReport, itemType: string, id: string, reason: string): void {
    const r = itemReport(report, itemType);
    const p = r.pending ?? { count: 0, sample: [] };
    report.items[itemType] = { ...r, pending: { count: p.count + 1, sample: addSample(p.sample, { id, reason: reason.slice(0, 300) }) } };
  },
  truncated(report: ExtractionReport, entry: { id: string; returned: number; total: number }): void {
    const t = report.truncatedConversations;
    report.truncatedConversations = { count: t.count + 1, sample: addSample(t.sample, entry) };
  },
  deleted(report: ExtractionReport, itemType: string, id: string, reason: string): void {
    const d = report.deletions[itemType] ?? { count: 0, sample: [] };
    report.deletions[itemType] = { count: d.count + 1, sample: addSample(d.sample, { id, reason }) };
  },
};
