/**
 * The wall time an import will take, predicted from what `estimate` measured, by modelling what the
 * import does (its API phase is timed by the bench from its first API request to its last):
 *
 * 1. start-up: the reads before the data loop, which wait for each other, and the workers the
 *    platform starts for the sync-units, metadata and data phases;
 * 2. then two lanes at the same time (`extraction/lanes.ts`): the kinds that read every listed
 *    object's detail (conversations: many requests in flight, paced by the limit), and the other
 *    listings, one page after another (one latency each); both lanes' requests are paced by the
 *    limit, and the detail lane lasts at least its objects' CPU in the snap-in process;
 * 3. then the completion pass's few reads, one after another.
 *
 * The attachments phase moves the workspace's file bytes at the rate `estimate`'s own downloads of
 * the sampled files reached, as many at once as the import streams and each sent on as the import
 * sends it (`estimate-attachments.ts`, `upload-sink.ts`), with the import's own extra cost per byte.
 */
import { AdaptiveConcurrency } from '../intercom/concurrency';
import { RESET_MARGIN_MS } from '../intercom/rate-limit-headers';

/** Intercom's window, ms. */
const WINDOW_MS = 10_000;

/**
 * Round trips before the data loop that wait for the one before (`extraction/README.md`, "What each
 * phase's start asks Intercom"): the CLI's preflight /me; the sync-units phase's /me; the metadata
 * phase's /me, then its definitions together; the data phase's stamps and run context together.
 */
export const START_UP_ROUND_TRIPS = 1 + 1 + 2 + 1;

/**
 * A phase's worker starting (a new thread that loads the snap-in's code): three before the data loop.
 * Measured with the snap-in compiled (as the bench and DevRev run it) at 3,000 conversations (250 ms,
 * load ~1): the detail reads began ~3.2 s after the first /me, for 5 round trips (~1.3 s) and three
 * worker starts. (Under tsx, which compiles each module as it loads, a start took ~1.8 s.)
 */
export const WORKER_START_SECONDS = 0.65;
export const WORKERS_BEFORE_DATA = 3;

/** Reads after both lanes, one after another: the completion pass (a contact, then its companies and tags together). */
export const TAIL_ROUND_TRIPS = 2;

/**
 * The snap-in process's CPU per detail read, all its threads (the data loop parsing, normalizing and
 * pushing; the platform emulator receiving and storing the items), over the time `normalize` alone
 * takes: bench at 3,000 conversations (250 ms, load ~6) 6.1 ms of process CPU per conversation for
 * 1.2–1.4 ms in normalize: ≈ 4.7.
 */
export const PROCESS_CPU_OVER_NORMALIZE = 4.7;
/** Threads of the snap-in process busy during the data loop: the data worker and the main thread (platform emulator). */
export const BUSY_THREADS = 2;

/** What the API phase's prediction starts from. */
export interface ApiPhaseInputs {
  /** Mean latency of `estimate`'s own requests, ms. */
  latencyMs: number;
  limitPer10s: number;
  /** Requests of the lane that reads every listed object's detail: its pages and its detail reads. */
  detailLaneRequests: number;
  /** Requests of the other lane, one after another: listings (and the few detail reads they need). */
  listingLaneRequests: number;
  /** The data loop's CPU seconds for the detail lane's objects ({@link loopCpuSeconds}). */
  loopCpuSeconds: number;
}

/** Requests in flight the client keeps at this limit and latency. */
export function concurrencyFor(limitPer10s: number, latencyMs: number): number {
  const c = new AdaptiveConcurrency();
  c.setRate(limitPer10s, WINDOW_MS);
  c.recordLatency(latencyMs);
  return c.current();
}

/**
 * Seconds for `requests` sent as many at once as the client allows. When that pace would spend a
 * window's budget before the window ends (with the client's margin after each reset), each full
 * budget costs one window (Intercom's windows are fixed) and the rest goes at that pace; otherwise
 * the pace binds throughout.
 */
export function pacedSeconds(requests: number, limitPer10s: number, latencyMs: number): number {
  const latencySeconds = Math.max(latencyMs, 1) / 1000;
  const perSecond = concurrencyFor(limitPer10s, latencyMs) / latencySeconds;
  const secondsPerBudget = limitPer10s / perSecond;
  if (secondsPerBudget > (WINDOW_MS - RESET_MARGIN_MS) / 1000) return requests / perSecond;
  const fullWindows = Math.floor(requests / limitPer10s);
  return fullWindows * (WINDOW_MS / 1000) + (requests - fullWindows * limitPer10s) / perSecond;
}

/** Seconds of the API phase (see the module's comment). */
export function predictApiSeconds(o: ApiPhaseInputs): number {
  const latencySeconds = o.latencyMs / 1000;
  const startUp = START_UP_ROUND_TRIPS * latencySeconds + WORKERS_BEFORE_DATA * WORKER_START_SECONDS;
  // Both lanes' requests share the limit; the detail lane sends nearly all of them.
  const detailLane = Math.max(pacedSeconds(o.detailLaneRequests + o.listingLaneRequests, o.limitPer10s, o.latencyMs), o.loopCpuSeconds);
  const listingLane = o.listingLaneRequests * latencySeconds;
  return startUp + Math.max(detailLane, listingLane) + TAIL_ROUND_TRIPS * latencySeconds;
}

/**
 * Wall seconds of the snap-in process's CPU for `detailReads` objects: the CPU time normalizing one
 * took (ms) × {@link PROCESS_CPU_OVER_NORMALIZE}, spread over its busy threads on the machine's
 * `cores`, each getting the share of a core the timing got (CPU time ÷ wall time: on a busy machine
 * the import's threads get as little, and its wall time stretches as much).
 */
export function loopCpuSeconds(detailReads: number, normalizeMs: number, coreShare = 1, cores = BUSY_THREADS): number {
  const share = Math.min(1, Math.max(coreShare, 0.05));
  return (detailReads * normalizeMs * PROCESS_CPU_OVER_NORMALIZE) / 1000 / (Math.min(cores, BUSY_THREADS) * share);
}

/**
 * What the import pays per byte besides what the probe's downloads, each sent on to a local upload
 * sink with the platform layer's requests (`upload-sink.ts`), measured: the SDK's per-file path and
 * the platform storing the files, on the machine's cores (the bench's attachments phase is CPU-bound:
 * 23 ms of snap-in CPU per MB in every run, ~250 files/s at both sizes). Quiet bench runs (compiled,
 * load 1–3): the import's rate over the probe's was 1.24, 1.21, 1.20 at 3,000 and 1.63 at 50,000
 * (probe 73–93 MB/s, import 57–73: the probe's ~3 s of downloads is the noisier figure). Their mean.
 */
export const IMPORT_OVER_PROBE_PER_BYTE = 1.3;

/** Seconds of the attachments phase: `bytes` at the probe's `bytesPerSecond`, with the import's own cost per byte. */
export function predictAttachmentSeconds(bytes: number, bytesPerSecond: number): number {
  return (bytes / bytesPerSecond) * IMPORT_OVER_PROBE_PER_BYTE;
}
