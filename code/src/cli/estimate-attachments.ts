/**
 * `estimate`'s sample of the attachments phase: the files of one page of conversations' opening
 * messages (listings carry the source) and of a few conversations read whole (their parts), all
 * downloaded as the import downloads them, {@link ATTACHMENTS_AT_ONCE} at once. Their bytes, scaled to
 * all conversations, over the bytes per second those downloads achieved give the phase's time.
 */
import { ATTACHMENTS_AT_ONCE } from '../extraction/attachment-stream';
import { DEFAULT_PER_PAGE } from '../intercom/pagers';
import { ConversationPartSchema, ConversationPageSchema, ConversationListItemSchema, ConversationSchema, validItems, type IntercomConversation, type IntercomConversationListItem } from '../intercom/schemas';
import { htmlToRichText } from '../normalize';
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
  sampledConversations: number;
  /** Files of the sampled opening messages: attached, and images inside the body. */
  sampledFiles: number;
  /** Conversations read whole to count the files of their parts. */
  readWhole: number;
  /** Files of the opening messages and parts (attached and inline images), scaled to all conversations. */
  files: number | null;
  /** Their bytes, scaled the same way from the sampled files' sizes (null: unknown). */
  bytes: number | null;
  /** Files this estimate downloaded, their bytes, and the bytes per second they came at (null: none). */
  probeFiles: number;
  probeBytes: number;
  bytesPerSecond: number | null;
  /** Predicted wall time of the attachments phase (null: unknown). */
  seconds: number | null;
}

/**
 * Conversations read whole to sample the files of their parts: at about one file per conversation,
 * five read whole held one or two files (seed 11), too few to scale from. One after the other, so
 * that each call's time is its own latency (`IntercomProbe.call`).
 */
const WHOLE_READS = 25;

/** A sampled file: where, and the size Intercom declares (none for an image inside a body). */
interface SampledFile {
  url: string;
  declared: number | null;
}

function filesOf(message: { body?: string | null; attachments?: Array<{ url?: string | null; filesize?: number | null }> | null } | null | undefined): SampledFile[] {
  if (!message) return [];
  const attached = (message.attachments ?? []).map((a) => ({ url: a.url ?? '', declared: typeof a.filesize === 'number' ? a.filesize : null }));
  // Images inside a body that the import downloads (emoji and `data:` images are not files).
  const inline = message.body ? htmlToRichText(message.body, { owner: { kind: 'part', id: 'estimate' }, parentId: 'estimate' }).attachments.map((a) => ({ url: a.url, declared: null })) : [];
  return [...attached, ...inline];
}

/**
 * Samples one page of conversations and {@link WHOLE_READS} read whole, downloads their files with
 * `downloadAll`, and predicts the phase. Returns the conversations read whole (`estimate` times
 * normalizing them).
 */
export async function sampleAttachments(
  probe: IntercomProbe,
  conversations: number | null,
  downloadAll?: DownloadAll,
): Promise<{ attachments: AttachmentEstimate; readWhole: IntercomConversation[] }> {
  const page = await probe.call((client) => client.get('/conversations', { query: { per_page: DEFAULT_PER_PAGE }, schema: ConversationPageSchema, kind: 'conversations page' }));
  const sample = validItems(page, 'conversations', ConversationListItemSchema);
  const sourceFiles = sample.flatMap((c) => filesOf(c.source));
  // Spread over the page: its first conversations were the longest (30 parts for 22 on average, seed 11).
  const reads = Math.min(WHOLE_READS, sample.length);
  const whole = Array.from(new Set(Array.from({ length: reads }, (_, i) => sample[Math.floor((i * sample.length) / reads)])));
  const readWhole: IntercomConversation[] = [];
  const partFiles: SampledFile[] = [];
  for (const conversation of whole) {
    const read = await probe.call((client) => client.get(`/conversations/${encodeURIComponent(conversation.id)}`, { schema: ConversationSchema, kind: 'conversation' }));
    readWhole.push(read);
    for (const part of validItems(read.conversation_parts, 'conversation_parts', ConversationPartSchema)) partFiles.push(...filesOf(part));
  }
  const all = [...sourceFiles, ...partFiles].filter((f) => f.url);
  const probed = all.length && downloadAll ? await downloadAll(all.map((f) => f.url), ATTACHMENTS_AT_ONCE).catch(() => null) : null;
  const downloaded = (probed?.sizes ?? []).filter((n): n is number => n !== null);
  const probeBytes = downloaded.reduce((a, n) => a + n, 0);
  const meanSize = downloaded.length ? probeBytes / downloaded.length : null;
  // A file's size: as downloaded, else as declared, else the mean downloaded one.
  const sizeOf = (f: SampledFile) => probed?.sizes[all.indexOf(f)] ?? f.declared ?? meanSize ?? 0;
  const sum = (files: SampledFile[], of: (f: SampledFile) => number) => files.reduce((a, f) => a + of(f), 0);

  const perConversation = (of: (f: SampledFile) => number) =>
    sample.length ? sum(sourceFiles, of) / sample.length + perWholeConversation(sum(partFiles, of), readWhole, sample) : 0;
  const scale = (n: number) => (conversations === null || !sample.length ? null : Math.round(n * conversations));
  const files = scale(perConversation(() => 1));
  const bytes = meanSize === null && sum(all, (f) => f.declared ?? 0) === 0 && all.length ? null : scale(perConversation(sizeOf));
  const bytesPerSecond = probed && probeBytes > 0 ? probeBytes / (Math.max(probed.ms, 1) / 1000) : null;
  return {
    attachments: {
      sampledConversations: sample.length,
      sampledFiles: sourceFiles.length,
      readWhole: whole.length,
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

const partCount = (c: IntercomConversationListItem): number | null => c.statistics?.count_conversation_parts ?? null;

/**
 * Per conversation, a quantity of the parts of the conversations read whole (files, bytes): per part
 * times the parts of an average listed conversation (listings carry `statistics.count_conversation_parts`).
 * Conversation lengths vary far more than files per part, so the 50 listed ones say more about them
 * than the 5 read whole; without counts, the whole reads' mean.
 */
function perWholeConversation(total: number, whole: IntercomConversationListItem[], sample: IntercomConversationListItem[]): number {
  if (whole.length === 0) return 0;
  const wholeParts = whole.map(partCount);
  const sampleParts = sample.map(partCount);
  if ([...wholeParts, ...sampleParts].some((n) => n === null)) return total / whole.length;
  const add = (ns: Array<number | null>) => ns.reduce<number>((a, n) => a + (n ?? 0), 0);
  return add(wholeParts) === 0 ? 0 : (total / add(wholeParts)) * (add(sampleParts) / sample.length);
}
