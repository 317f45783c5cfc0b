/**
 * Predicts what an import will cost, from cheap calls only (one small page per kind for `total_count`, the
 * unpaginated lists whole, one sample page of conversations for attachment sizes): per kind the object count
 * and the requests, and the time Intercom's rate limit forces for them. How each kind is listed comes from
 * the kinds table (`code/src/kinds/`), the same one the import walks.
 */
import { DEFAULT_PER_PAGE } from '../intercom/pagers';
import type { Pager } from '../intercom/pagers';
import { ConversationPartSchema, ConversationPageSchema, ConversationListItemSchema, ConversationSchema, validItems, type IntercomConversation, type IntercomConversationListItem } from '../intercom/schemas';
import { KINDS } from '../kinds';
import { htmlToRichText } from '../normalize';
import type { IntercomProbe } from './connection';
import { loopCpuSeconds, predictApiSeconds, predictAttachmentSeconds } from './estimate-time';

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
  /** Predicted wall time of the API phase (estimate-time.ts). */
  apiSeconds: number;
  attachments: {
    sampledConversations: number;
    /** Files of the sampled opening messages: attached, and images inside the body. */
    sampledFiles: number;
    /** Sizes of the attached ones (Intercom gives no size for an image inside a body). */
    sampledBytes: number;
    /** Sampled bytes scaled to all conversations (source messages only; parts are not in listings). */
    extrapolatedBytes: number | null;
    /** Conversations read whole to count the files of their parts. */
    readWhole: number;
    /** Files of the opening messages and parts (attached and inline images), scaled to all conversations. */
    files: number | null;
    /** Time of one sampled download, ms (null: nothing to download). */
    downloadMs: number | null;
    /** Predicted wall time of the attachments phase (null: unknown). */
    seconds: number | null;
  };
}

/** Conversations read whole to sample the files of their parts. */
const WHOLE_READS = 5;

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
  o: { allConversations: boolean; rateLimitPer10s?: number; timeDownload?: (url: string) => Promise<number> },
): Promise<Estimate> {
  const kinds: KindEstimate[] = [];
  let customAttributeModels = 0;
  let detailReads = 0;
  for (const kind of KINDS) {
    const spec = kind.listAll({ importAllConversations: o.allConversations });
    if (kind.customAttributes) customAttributeModels++;
    const { count, first } = await countKind(probe, spec);
    const n = count ?? 0;
    const pages = spec.style === 'list' ? 1 : spec.style === 'scroll' ? pagesFor(n, SCROLL_PAGE_SIZE) + 1 : pagesFor(n, spec.perPage ?? DEFAULT_PER_PAGE);
    // Tickets: read whole only when search leaves their parts out; the first one listed tells.
    const details = kind.fetchDetail && (!kind.detailNeeded || (first !== undefined && kind.detailNeeded(first as never))) ? n : 0;
    detailReads += details;
    kinds.push({
      itemType: kind.itemType,
      count,
      requests: pages + details,
      how: `${spec.style} ${spec.path}: ${pages} page${pages === 1 ? '' : 's'}${details ? ` + ${details} detail reads` : ''}`,
    });
  }
  const { attachments, normalizeMs } = await sampleAttachments(probe, kinds.find((k) => k.itemType === 'conversations')?.count ?? null, o.timeDownload);
  const requests =
    kinds.reduce((sum, k) => sum + k.requests, 0) + FIXED_REQUESTS.me + FIXED_REQUESTS.dataAttributesPerModel * customAttributeModels;
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
    apiSeconds: Math.round(predictApiSeconds(requests, rateLimitPer10s, latencyMs, loopCpuSeconds(detailReads, normalizeMs ?? 0))),
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
 */
function timeNormalize(conversations: IntercomConversation[]): number | null {
  if (conversations.length === 0) return null;
  const normalize = KINDS.find((k) => k.itemType === 'conversations')!.normalize;
  const ctx = { appId: 'estimate', observedAt: new Date().toISOString() };
  for (const conversation of conversations) normalize(conversation as never, ctx);
  const started = process.cpuUsage();
  let cpuMs = 0;
  let timed = 0;
  for (let round = 0; round < NORMALIZE_ROUNDS && cpuMs < NORMALIZE_CPU_MS; round++) {
    for (const conversation of conversations) normalize(conversation as never, ctx);
    timed += conversations.length;
    const used = process.cpuUsage(started);
    cpuMs = (used.user + used.system) / 1000;
  }
  return cpuMs / timed;
}

/**
 * Sums the sizes of the source attachments in one page of conversations (listings carry the source),
 * reads a few conversations whole for the files of their parts (and times normalizing them), and
 * times one download.
 */
async function sampleAttachments(
  probe: IntercomProbe,
  conversations: number | null,
  timeDownload?: (url: string) => Promise<number>,
): Promise<{ attachments: Estimate['attachments']; normalizeMs: number | null }> {
  const page = await probe.call((client) => client.get('/conversations', { query: { per_page: DEFAULT_PER_PAGE }, schema: ConversationPageSchema, kind: 'conversations page' }));
  const sample = validItems(page, 'conversations', ConversationListItemSchema);
  let files = 0;
  let bytes = 0;
  for (const conversation of sample) {
    files += inlineImages(conversation.source?.body);
    for (const attachment of conversation.source?.attachments ?? []) {
      files++;
      bytes += typeof attachment.filesize === 'number' ? attachment.filesize : 0;
    }
  }
  let partFiles = 0;
  let url: string | undefined = sample.flatMap((c) => c.source?.attachments ?? []).find((a) => a.url)?.url;
  // Spread over the page: its first conversations were the longest (30 parts for 22 on average, seed 11).
  const whole = Array.from(new Set(Array.from({ length: Math.min(WHOLE_READS, sample.length) }, (_, i) => sample[Math.floor((i * sample.length) / WHOLE_READS)])));
  const readWhole: IntercomConversation[] = [];
  for (const conversation of whole) {
    const read = await probe.call((client) =>
      client.get(`/conversations/${encodeURIComponent(conversation.id)}`, { schema: ConversationSchema, kind: 'conversation' }),
    );
    readWhole.push(read);
    for (const part of validItems(read.conversation_parts, 'conversation_parts', ConversationPartSchema)) {
      partFiles += (part.attachments?.length ?? 0) + inlineImages(part.body);
      url ??= part.attachments?.find((a) => a.url)?.url;
    }
  }
  const perConversation = sample.length ? files / sample.length + partFilesPerConversation(partFiles, readWhole, sample) : 0;
  const allFiles = conversations === null || !sample.length ? null : Math.round(perConversation * conversations);
  const downloadMs = url && timeDownload ? await timeDownload(url).catch(() => null) : null;
  const attachments = {
    sampledConversations: sample.length,
    sampledFiles: files,
    sampledBytes: bytes,
    extrapolatedBytes: sample.length && conversations !== null ? Math.round((bytes / sample.length) * conversations) : null,
    readWhole: whole.length,
    files: allFiles,
    downloadMs,
    seconds: allFiles !== null && downloadMs !== null ? Math.round(predictAttachmentSeconds(allFiles, downloadMs)) : null,
  };
  return { attachments, normalizeMs: timeNormalize(readWhole) };
}

/** Images inside a body that the import downloads (emoji and `data:` images are not files): as many files as attachments. */
function inlineImages(body: string | null | undefined): number {
  return body ? htmlToRichText(body, { owner: { kind: 'part', id: 'estimate' }, parentId: 'estimate' }).attachments.length : 0;
}

const partCount = (c: IntercomConversationListItem): number | null => c.statistics?.count_conversation_parts ?? null;

/**
 * Part files per conversation: the whole reads' files per part times the parts of an average listed
 * conversation (listings carry `statistics.count_conversation_parts`). Conversation lengths vary far more
 * than files per part, so the 50 listed ones say more about them than the 5 read whole; without counts,
 * the whole reads' files per conversation.
 */
function partFilesPerConversation(partFiles: number, whole: IntercomConversationListItem[], sample: IntercomConversationListItem[]): number {
  if (whole.length === 0) return 0;
  const wholeParts = whole.map(partCount);
  const sampleParts = sample.map(partCount);
  if ([...wholeParts, ...sampleParts].some((n) => n === null)) return partFiles / whole.length;
  const sum = (ns: Array<number | null>) => ns.reduce<number>((a, n) => a + (n ?? 0), 0);
  return sum(wholeParts) === 0 ? 0 : (partFiles / sum(wholeParts)) * (sum(sampleParts) / sample.length);
}
