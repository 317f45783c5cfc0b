/**
 * Predicts what an import will cost, from cheap calls only (one small page per kind for `total_count`, the
 * unpaginated lists whole, one sample page of conversations for attachment sizes): per kind the object count
 * and the requests, and the time Intercom's rate limit forces for them. How each kind is listed comes from
 * the kinds table (`code/src/kinds/`), the same one the import walks.
 */
import * as os from 'node:os';
import { DEFAULT_PER_PAGE } from '../intercom/pagers';
import type { Pager } from '../intercom/pagers';
import type { IntercomConversation } from '../intercom/schemas';
import { KINDS } from '../kinds';
import { readsEveryDetail } from '../extraction/lanes';
import type { IntercomProbe } from './connection';
import { sampleAttachments, type AttachmentEstimate, type DownloadAll } from './estimate-attachments';
import { loopCpuSeconds, predictApiSeconds } from './estimate-time';

/** Intercom's documented default: 10,000 requests per minute per app, in 10-second windows. */
export const DEFAULT_RATE_LIMIT_PER_10S = Math.floor(10_000 / 6);
/** Companies per scroll page (not configurable; Intercom's docs: 100). */
export const SCROLL_PAGE_SIZE = 100;
/** Requests made outside the kinds' listings: `/me` for sync units and metadata, `/data_attributes` per model. */
const FIXED_REQUESTS = { me: 2, dataAttributesPerModel: 1 };

/** One kind's line of the estimate. */
export interface KindEstimate {
  itemType: string;
  count: number | null;
  /** List requests (pages) plus detail fetches. */
  requests: number;
  how: string;
}

/** The whole estimate. */
export interface Estimate {
  kinds: KindEstimate[];
  requests: number;
  rateLimitPer10s: number;
  rateLimitSource: 'X-RateLimit-Limit' | 'Intercom default';
  /** The least time the rate limit allows for these requests: full windows of 10 s. */
  rateLimitFloorSeconds: number;
  /** Mean time of this estimate's own API requests, ms. */
  latencyMs: number;
  /** CPU time normalizing one conversation read whole took here, ms (null: none read). */
  normalizeMs: number | null;
  /** Share of a core that timing got (CPU time ÷ wall time; null: none read). */
  coreShare: number | null;
  /** Predicted wall time of the API phase (estimate-time.ts). */
  apiSeconds: number;
  attachments: AttachmentEstimate;
}

/** Requests to read `count` objects in pages of `perPage` (an empty listing still costs one request). */
export function pagesFor(count: number, perPage: number): number {
  return Math.max(1, Math.ceil(count / perPage));
}

/** Seconds the limit forces for `requests`: every full budget of `perWindow` requests costs one 10-s window. */
export function rateLimitFloorSeconds(requests: number, perWindow: number): number {
  return Math.floor(Math.max(0, requests - 1) / perWindow) * 10;
}

/**
 * Counts one kind with the cheapest call its listing style allows: the first page of its own pager, one
 * item long (`total_count`), or the whole unpaginated list.
 */
async function countKind(probe: IntercomProbe, spec: Pager<unknown>): Promise<{ count: number | null; first?: unknown }> {
  // Opening a scroll would block the import's own scroll for a minute: count with the numbered list
  // beside it (`/companies/scroll` → `/companies`).
  const pager: Pager<unknown> =
    spec.style === 'list' ? spec
    : spec.style === 'scroll' ? { style: 'page', kind: spec.kind, path: spec.path.replace(/\/scroll$/, ''), itemsKey: spec.itemsKey, itemSchema: spec.itemSchema, perPage: 1 }
    : { ...spec, perPage: 1 };
  const first = await probe.call(async (client) => {
    for await (const page of client.paginate(pager)) return page;
    return undefined;
  });
  if (!first) return { count: null };
  return { count: spec.style === 'list' ? first.items.length + first.invalid.length : first.totalCount ?? null, first: first.items[0] };
}

/** Runs the estimate against the workspace behind `probe`. */
export async function estimateImport(
  probe: IntercomProbe,
  o: { allConversations: boolean; rateLimitPer10s?: number; downloadAll?: DownloadAll; fileHosts?: string[] },
): Promise<Estimate> {
  const kinds: KindEstimate[] = [];
  let customAttributeModels = 0;
  let detailReads = 0;
  let detailLaneRequests = 0;
  for (const kind of KINDS) {
    const spec = kind.listAll({ importAllConversations: o.allConversations });
    if (kind.customAttributes) customAttributeModels++;
    const { count, first } = await countKind(probe, spec);
    const n = count ?? 0;
    const pages = spec.style === 'list' ? 1 : spec.style === 'scroll' ? pagesFor(n, SCROLL_PAGE_SIZE) + 1 : pagesFor(n, spec.perPage ?? DEFAULT_PER_PAGE);
    // Tickets: read whole only when search leaves their parts out; the first one listed tells.
    const details = kind.fetchDetail && (!kind.detailNeeded || (first !== undefined && kind.detailNeeded(first as never))) ? n : 0;
    // The import reads these kinds in a lane of their own, beside the other listings.
    if (readsEveryDetail(kind)) {
      detailReads += details;
      detailLaneRequests += pages + details;
    }
    kinds.push({
      itemType: kind.itemType,
      count,
      requests: pages + details,
      how: `${spec.style} ${spec.path}: ${pages} page${pages === 1 ? '' : 's'}${details ? ` + ${details} detail reads` : ''}`,
    });
  }
  const { attachments, readWhole } = await sampleAttachments(probe, {
    counts: Object.fromEntries(kinds.map((k) => [k.itemType, k.count])),
    allConversations: o.allConversations,
    fileHosts: o.fileHosts ?? [],
    downloadAll: o.downloadAll,
    rateLimitPer10s: o.rateLimitPer10s,
  });
  const normalizing = timeNormalize(readWhole);
  const normalizeMs = normalizing?.cpuMs ?? null;
  const listed = kinds.reduce((sum, k) => sum + k.requests, 0);
  const requests = listed + FIXED_REQUESTS.me + FIXED_REQUESTS.dataAttributesPerModel * customAttributeModels;
  const rateLimitPer10s = o.rateLimitPer10s ?? DEFAULT_RATE_LIMIT_PER_10S;
  const latencyMs = probe.latenciesMs.reduce((sum, ms) => sum + ms, 0) / Math.max(1, probe.latenciesMs.length);
  return {
    kinds,
    requests,
    rateLimitPer10s,
    rateLimitSource: o.rateLimitPer10s ? 'X-RateLimit-Limit' : 'Intercom default',
    rateLimitFloorSeconds: rateLimitFloorSeconds(requests, rateLimitPer10s),
    latencyMs: Math.round(latencyMs),
    normalizeMs: normalizeMs === null ? null : Number(normalizeMs.toFixed(1)),
    coreShare: normalizing ? Number(normalizing.coreShare.toFixed(2)) : null,
    apiSeconds: Math.round(
      predictApiSeconds({
        latencyMs,
        limitPer10s: rateLimitPer10s,
        detailLaneRequests,
        listingLaneRequests: listed - detailLaneRequests,
        loopCpuSeconds: loopCpuSeconds(detailReads, normalizeMs ?? 0, normalizing?.coreShare, os.cpus().length),
      }),
    ),
    attachments,
  };
}

/** Rounds of normalizing the sample after the first (warm-up) one, at most; enough for ~300 ms of CPU. */
const NORMALIZE_ROUNDS = 40;
const NORMALIZE_CPU_MS = 300;

/**
 * Mean CPU ms `normalize` takes for one of `conversations`: a first round warms the code up, then
 * rounds until ~300 ms of CPU are measured. CPU time (`process.cpuUsage`), not elapsed time: on a
 * busy machine a handful of timed calls measured 54 ms where the import's loop took 13–20 ms.
 * Beside it, the share of a core those rounds got (CPU time ÷ wall time), which the loop will get too.
 */
function timeNormalize(conversations: IntercomConversation[]): { cpuMs: number; coreShare: number } | null {
  if (conversations.length === 0) return null;
  const normalize = KINDS.find((k) => k.itemType === 'conversations')!.normalize;
  const ctx = { appId: 'estimate', observedAt: new Date().toISOString() };
  for (const conversation of conversations) normalize(conversation as never, ctx);
  const started = process.cpuUsage();
  const startedAt = process.hrtime.bigint();
  let cpuMs = 0;
  let timed = 0;
  for (let round = 0; round < NORMALIZE_ROUNDS && cpuMs < NORMALIZE_CPU_MS; round++) {
    for (const conversation of conversations) normalize(conversation as never, ctx);
    timed += conversations.length;
    const used = process.cpuUsage(started);
    cpuMs = (used.user + used.system) / 1000;
  }
  const wallMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  return { cpuMs: cpuMs / timed, coreShare: wallMs > 0 ? Math.min(1, cpuMs / wallMs) : 1 };
}
