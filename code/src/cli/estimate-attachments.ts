/**
 * `estimate`'s sample of the attachments phase. The files are found as the import finds them: by
 * the kinds' own `normalize` (attached files, images inside bodies, linked files), on up to
 * {@link WHOLE_READS} conversations read whole and on the first listing page of every other kind
 * (tickets, articles...). All of them are downloaded as the import downloads them,
 * {@link ATTACHMENTS_AT_ONCE} at once; files and bytes per object, times each kind's count, give
 * the workspace's, and the rate of those downloads the phase's time (`estimate-time.ts`).
 */
import type { NormalizedAttachment } from '../adaas';
import { ATTACHMENTS_AT_ONCE } from '../extraction/attachment-stream';
import type { Pager } from '../intercom/pagers';
import { ConversationPageSchema, ConversationListItemSchema, ConversationSchema, validItems, type IntercomConversation, type IntercomConversationListItem } from '../intercom/schemas';
import { KINDS } from '../kinds';
import type { IntercomProbe } from './connection';
import { predictAttachmentSeconds } from './estimate-time';

/** What the probe downloads measured: each file's bytes (null: it failed) and the wall time of them all, ms. */
export interface ProbeDownloads {
  sizes: Array<number | null>;
  ms: number;
}

/** Downloads `urls` as the import does, {@link ATTACHMENTS_AT_ONCE} at once. */
export type DownloadAll = (urls: string[], atOnce: number) => Promise<ProbeDownloads>;

export interface AttachmentEstimate {
  /** Conversations read whole, and objects of other kinds sampled from their first listing page. */
  readWhole: number;
  sampledObjects: number;
  /** Files found in the sample (all kinds). */
  sampledFiles: number;
  /** Files scaled to every kind's count. */
  files: number | null;
  /** Their bytes, scaled the same way from the sampled files' downloaded sizes (null: unknown). */
  bytes: number | null;
  /** Files this estimate downloaded, their bytes, and the bytes per second they came at (null: none). */
  probeFiles: number;
  probeBytes: number;
  bytesPerSecond: number | null;
  /** Predicted wall time of the attachments phase (null: unknown). */
  seconds: number | null;
}

/**
 * Conversations read whole to sample their files (nearly all of a workspace's files and bytes: 2,802
 * of 3,128 files and 674 of 757 MB at 3,000 conversations, seed 11). File sizes are heavy-tailed (a
 * few MB-sized files carry most bytes), so a sample's bytes per conversation stray far: the ten
 * blocks of 300 of that workspace gave 0.17 to 0.37 MB for 0.225 (the first 300, which `estimate`
 * read, 16 % low; the bench's estimate of the attachments phase was 0.68 × the time measured).
 * The error shrinks as 1/√n: 1,000 read whole stray about half as far. All of them when the
 * workspace has fewer.
 */
export const WHOLE_READS = 1_000;
/** Whole reads in flight at once (the client allows at least 4, and about rate × latency: 42 at the default limit and 250 ms). */
const WHOLE_READS_AT_ONCE = 32;
/**
 * Share of one window's budget the whole reads take at most, so that they never wait for a refill
 * (at Intercom's default 1,667 per 10 s: all {@link WHOLE_READS}). An import started at once after
 * the estimate finds that window partly spent (the bench waits for the next one).
 */
const WHOLE_READS_BUDGET_SHARE = 0.6;
/** Conversations per listing page (Intercom's maximum). */
const LIST_PAGE_SIZE = 150;

/** Runs `work` on each of `items`, `atOnce` at a time. */
export async function eachAtOnce<T>(items: readonly T[], atOnce: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
}

/**
 * The files the import finds in one object of `itemType` (none when its normalizer refuses it);
 * `fileHosts`: hosts besides Intercom's whose links are files (a local run's emulator), as the import's.
 */
function filesOf(itemType: string, obj: unknown, fileHosts: string[]): NormalizedAttachment[] {
  const kind = KINDS.find((k) => k.itemType === itemType);
  try {
    return kind ? kind.normalize(obj as never, { appId: 'estimate', observedAt: new Date().toISOString(), fileHosts }).attachments.filter((a) => a.url) : [];
  } catch {
    return [];
  }
}

/** One kind's sample: how many objects, and the files found in them. */
interface KindSample {
  itemType: string;
  objects: number;
  files: NormalizedAttachment[];
}

/** Lists conversations (up to `wanted`) and reads them whole, spread over the pages listed. */
async function readConversations(probe: IntercomProbe, wanted: number): Promise<IntercomConversation[]> {
  const listed: IntercomConversationListItem[] = [];
  let cursor: string | undefined;
  do {
    const query: Record<string, string | number> = { per_page: LIST_PAGE_SIZE, ...(cursor ? { starting_after: cursor } : {}) };
    const page = await probe.call((client) => client.get('/conversations', { query, schema: ConversationPageSchema, kind: 'conversations page' }));
    listed.push(...validItems(page, 'conversations', ConversationListItemSchema));
    const next = page.pages?.next;
    cursor = typeof next === 'object' && next ? (next.starting_after ?? undefined) : undefined;
  } while (cursor && listed.length < wanted);
  const reads = Math.min(wanted, listed.length);
  const chosen = Array.from(new Set(Array.from({ length: reads }, (_, i) => listed[Math.floor((i * listed.length) / reads)]!)));
  const whole: IntercomConversation[] = [];
  // Not timed: beside each other, one call's latency cannot be told from the client's shared counts.
  await eachAtOnce(chosen, WHOLE_READS_AT_ONCE, async (c) => {
    whole.push(await probe.call((client) => client.get(`/conversations/${encodeURIComponent(c.id)}`, { schema: ConversationSchema, kind: 'conversation' }), { timed: false }));
  });
  return whole;
}

/**
 * The first listing page of each kind read without details (tickets' search carries their parts).
 * A scroll is left out: opening one blocks the import's own scroll for a minute.
 */
async function sampleOtherKinds(probe: IntercomProbe, allConversations: boolean, fileHosts: string[]): Promise<KindSample[]> {
  const samples: KindSample[] = [];
  for (const kind of KINDS) {
    const spec = kind.listAll({ importAllConversations: allConversations }) as Pager<unknown>;
    if (kind.itemType === 'conversations' || spec.style === 'scroll') continue;
    const page = await probe.call(async (client) => {
      for await (const p of client.paginate(spec)) return p;
      return undefined;
    });
    const objects = page?.items ?? [];
    samples.push({ itemType: kind.itemType, objects: objects.length, files: objects.flatMap((o) => filesOf(kind.itemType, o, fileHosts)) });
  }
  return samples;
}

/**
 * Samples the files of {@link WHOLE_READS} conversations read whole (fewer at a small limit) and of
 * the first page of the other kinds, downloads them with `downloadAll`, and scales them to `counts`
 * (objects per item type). Returns the conversations read whole (`estimate` times normalizing them).
 */
export async function sampleAttachments(
  probe: IntercomProbe,
  o: { counts: Record<string, number | null>; allConversations: boolean; fileHosts: string[]; downloadAll?: DownloadAll; rateLimitPer10s?: number },
): Promise<{ attachments: AttachmentEstimate; readWhole: IntercomConversation[] }> {
  const wanted = Math.max(1, Math.min(WHOLE_READS, Math.floor((o.rateLimitPer10s ?? Infinity) * WHOLE_READS_BUDGET_SHARE)));
  const readWhole = await readConversations(probe, wanted);
  const samples: KindSample[] = [
    { itemType: 'conversations', objects: readWhole.length, files: readWhole.flatMap((c) => filesOf('conversations', c, o.fileHosts)) },
    ...(await sampleOtherKinds(probe, o.allConversations, o.fileHosts)),
  ];
  const all = samples.flatMap((s) => s.files);
  const probed = all.length && o.downloadAll ? await o.downloadAll(all.map((f) => f.url), ATTACHMENTS_AT_ONCE).catch(() => null) : null;
  const sizes = new Map(all.map((f, i) => [f, probed?.sizes[i] ?? null]));
  const downloaded = [...sizes.values()].filter((n): n is number => n !== null);
  const probeBytes = downloaded.reduce((a, n) => a + n, 0);
  const meanSize = downloaded.length ? probeBytes / downloaded.length : null;

  // Per kind: files (or bytes) per sampled object × the kind's count. A file that failed counts at the mean size.
  const scale = (of: (f: NormalizedAttachment) => number): number | null => {
    let total = 0;
    for (const s of samples) {
      const count = o.counts[s.itemType];
      if (count === null || count === undefined) return null;
      if (s.objects > 0) total += (s.files.reduce((a, f) => a + of(f), 0) / s.objects) * count;
    }
    return Math.round(total);
  };
  const files = scale(() => 1);
  const bytes = all.length && meanSize === null ? null : scale((f) => sizes.get(f) ?? meanSize ?? 0);
  const bytesPerSecond = probed && probeBytes > 0 ? probeBytes / (Math.max(probed.ms, 1) / 1000) : null;
  return {
    attachments: {
      readWhole: readWhole.length,
      sampledObjects: samples.reduce((n, s) => n + s.objects, 0),
      sampledFiles: all.length,
      files,
      bytes,
      probeFiles: downloaded.length,
      probeBytes,
      bytesPerSecond: bytesPerSecond === null ? null : Math.round(bytesPerSecond),
      seconds: bytes !== null && bytesPerSecond !== null ? Math.round(predictAttachmentSeconds(bytes, bytesPerSecond)) : files === 0 ? 0 : null,
    },
    readWhole,
  };
}
