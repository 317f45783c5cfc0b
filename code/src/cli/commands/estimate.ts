import { Command } from 'commander';
import { IntercomProbe, clientTarget, preflight, resolveConnection, type ConnectionFlags, type IntercomConnection } from '../connection';
import { estimateImport, type Estimate } from '../estimate';
import { IntercomClient } from '../../intercom';
import { out } from '../output';
import { withConnectionFlags } from './shared';

/** Flags of `estimate`. */
export interface EstimateFlags extends ConnectionFlags {
  allConversations?: boolean;
}

function formatBytes(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}

/** Before an import: counts, requests and the time the rate limit forces, from cheap calls only. */
export async function estimateCommand(flags: EstimateFlags): Promise<Estimate & { workspaceId: string; probeRequests: number }> {
  const connection = await resolveConnection(flags);
  const probe = new IntercomProbe(connection);
  const { workspace, rateLimitPer10s } = await preflight(connection, probe);
  const estimate = await estimateImport(probe, {
    allConversations: flags.allConversations ?? false,
    rateLimitPer10s,
    timeDownload: (url) => timeDownload(connection, url),
  });
  out.line(`Workspace "${workspace.name}" (${workspace.id}, ${workspace.region}, ${workspace.timezone ?? 'no time zone'})`);
  out.line(`Conversations: ${flags.allConversations ? 'all' : 'closed only (add --all-conversations for all)'}`);
  out.line();
  out.line(`  ${'item type'.padEnd(16)}${'objects'.padStart(10)}${'requests'.padStart(10)}  how`);
  for (const k of estimate.kinds) {
    out.line(`  ${k.itemType.padEnd(16)}${String(k.count ?? '?').padStart(10)}${String(k.requests).padStart(10)}  ${k.how}`);
  }
  out.line();
  out.line(`Requests: about ${estimate.requests} (plus ${probe.requests} made by this estimate${estimate.attachments.downloadMs === null ? '' : ', and one download'}).`);
  out.line(
    `Rate limit: ${estimate.rateLimitPer10s} requests per 10 s (${estimate.rateLimitSource}); it forces at least ${formatDuration(estimate.rateLimitFloorSeconds)}.`,
  );
  const cpu = estimate.normalizeMs === null ? '' : `, ${estimate.normalizeMs} ms of CPU to normalize a conversation`;
  out.line(`Latency: ${estimate.latencyMs} ms per request (this estimate's own)${cpu}; API phase about ${formatDuration(estimate.apiSeconds)}.`);
  const a = estimate.attachments;
  out.line(
    a.sampledConversations
      ? `Attachments: ${a.sampledFiles} files, ${formatBytes(a.sampledBytes)} on the opening messages of ${a.sampledConversations} sampled conversations` +
          (a.extrapolatedBytes !== null ? ` (about ${formatBytes(a.extrapolatedBytes)} for all; replies' attachments are only known once read).` : '.')
      : 'Attachments: unknown (no conversations to sample).',
  );
  if (a.files !== null) {
    out.line(
      `Attachment files: about ${a.files} (opening messages and ${a.readWhole} conversations read whole)` +
        (a.seconds !== null ? `; ${a.downloadMs} ms per download, attachments phase about ${formatDuration(a.seconds)}.` : '; download time unknown.'),
    );
  }
  // The timed download is a request too (to the file host).
  return { ...estimate, workspaceId: workspace.id, probeRequests: probe.requests + (estimate.attachments.downloadMs === null ? 0 : 1) };
}

/** Downloads one file the way the import does (no token, checked hosts) and returns how long it took, ms. */
async function timeDownload(connection: IntercomConnection, url: string): Promise<number> {
  const client = new IntercomClient({ token: connection.token, ...clientTarget(connection) });
  const startedAt = Date.now();
  const file = await client.download(url);
  for await (const _chunk of file.data) {
    // read to the end: the time covers the transfer
  }
  return Date.now() - startedAt;
}

export function registerEstimate(program: Command, run: (work: () => Promise<unknown>) => Promise<void>): void {
  withConnectionFlags(program.command('estimate').description('estimate an import: counts, requests, time forced by the rate limit'))
    .option('--all-conversations', 'count open and snoozed conversations too')
    .action((flags: EstimateFlags) => run(() => estimateCommand(flags)));
}
