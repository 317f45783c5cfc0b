import { Command } from 'commander';
import { IntercomProbe, clientTarget, preflight, resolveConnection, type ConnectionFlags, type IntercomConnection } from '../connection';
import { estimateImport, type Estimate } from '../estimate';
import type { ProbeDownloads } from '../estimate-attachments';
import { IntercomClient } from '../../intercom';
import { out } from '../output';
import { startUploadSink } from '../upload-sink';
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
    downloadAll: (urls, atOnce) => downloadAll(connection, urls, atOnce),
    // A local run's file host, as the import's normalizer is given it (`localFileHosts`).
    fileHosts: [...(clientTarget(connection).localFileHosts ?? [])],
  });
  out.line(`Workspace "${workspace.name}" (${workspace.id}, ${workspace.region}, ${workspace.timezone ?? 'no time zone'})`);
  out.line(`Conversations: ${flags.allConversations ? 'all' : 'closed only (add --all-conversations for all)'}`);
  out.line();
  out.line(`  ${'item type'.padEnd(16)}${'objects'.padStart(10)}${'requests'.padStart(10)}  how`);
  for (const k of estimate.kinds) {
    out.line(`  ${k.itemType.padEnd(16)}${String(k.count ?? '?').padStart(10)}${String(k.requests).padStart(10)}  ${k.how}`);
  }
  out.line();
  const a = estimate.attachments;
  out.line(`Requests: about ${estimate.requests} (plus ${probe.requests} made by this estimate${a.probeFiles ? `, and ${a.probeFiles} downloads` : ''}).`);
  out.line(
    `Rate limit: ${estimate.rateLimitPer10s} requests per 10 s (${estimate.rateLimitSource}); it forces at least ${formatDuration(estimate.rateLimitFloorSeconds)}.`,
  );
  const cpu =
    estimate.normalizeMs === null ? '' : `, ${estimate.normalizeMs} ms of CPU to normalize a conversation (${Math.round((estimate.coreShare ?? 1) * 100)} % of a core free)`;
  out.line(`Latency: ${estimate.latencyMs} ms per request (this estimate's own)${cpu}; API phase about ${formatDuration(estimate.apiSeconds)}.`);
  out.line(
    a.files === null
      ? 'Attachments: unknown (no conversations to sample).'
      : `Attachments: about ${a.files} files` +
          (a.bytes !== null ? `, ${formatBytes(a.bytes)}` : '') +
          ` (from ${a.readWhole} conversations read whole and ${a.sampledObjects - a.readWhole} objects of other kinds listed)` +
          (a.seconds !== null && a.bytesPerSecond !== null
            ? `; ${a.probeFiles} sampled files came at ${formatBytes(a.bytesPerSecond)}/s, attachments phase about ${formatDuration(a.seconds)}.`
            : '; download time unknown.'),
  );
  // The probe downloads are requests too (to the file host).
  return { ...estimate, workspaceId: workspace.id, probeRequests: probe.requests + a.probeFiles };
}

/**
 * Downloads the files the way the import does (no token, checked hosts), `atOnce` at a time, each
 * sent on to a local upload sink that stores it (as the import's go on to the platform); each
 * file's bytes (null: it failed) and the wall time of them all, ms.
 */
async function downloadAll(connection: IntercomConnection, urls: string[], atOnce: number): Promise<ProbeDownloads> {
  const client = new IntercomClient({ token: connection.token, ...clientTarget(connection) });
  const sink = await startUploadSink();
  const sizes: Array<number | null> = urls.map(() => null);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < urls.length; i = next++) {
      try {
        const file = await client.download(urls[i]);
        sizes[i] = await sink.upload(file.data, file.length);
      } catch {
        // a file that fails is left out of the sample (null): the rest still measure the rate
      }
    }
  };
  const startedAt = Date.now();
  try {
    await Promise.all(Array.from({ length: Math.min(atOnce, urls.length) }, worker));
    return { sizes, ms: Date.now() - startedAt };
  } finally {
    await sink.close();
  }
}

export function registerEstimate(program: Command, run: (work: () => Promise<unknown>) => Promise<void>): void {
  withConnectionFlags(program.command('estimate').description('estimate an import: counts, requests, time forced by the rate limit'))
    .option('--all-conversations', 'count open and snoozed conversations too')
    .action((flags: EstimateFlags) => run(() => estimateCommand(flags)));
}
