/**
 * What the Intercom emulator saw of one run, summed as the requests arrive (the request log keeps
 * only the newest entries): API requests (rate-limited) and file downloads (a CDN) apart.
 */
import type { RequestLogEntry } from '../../emulators/intercom';

export interface Traffic {
  requests: number;
  status429: number;
  status5xx: number;
  resets: number;
  /** First API request's arrival to the last one's answer, ms since epoch. */
  apiFirstAt?: number;
  apiLastAt?: number;
  downloads: number;
  downloadBytes: number;
  downloadFirstAt?: number;
  downloadLastAt?: number;
  /** The emulator process's CPU ms used so far, read at the first and at the last download's answer. */
  downloadCpuFirstMs?: number;
  downloadCpuLastMs?: number;
  /** API requests per route (`GET /contacts`, `POST /conversations/search`, ...). */
  byRoute: Record<string, number>;
  /**
   * API requests in flight, averaged over each second of the run (busy milliseconds ÷ 1000), keyed by
   * the second (epoch s): where the API phase used less than the limit allows, and when.
   */
  busyMsBySecond: Record<number, number>;
}

export function emptyTraffic(): Traffic {
  return { requests: 0, status429: 0, status5xx: 0, resets: 0, downloads: 0, downloadBytes: 0, byRoute: {}, busyMsBySecond: {} };
}

/** `cpuMs`: the counting process's CPU ms used so far (the emulator's, when it counts its own requests). */
export function countRequest(t: Traffic, e: RequestLogEntry, cpuMs?: number): void {
  const end = e.at + e.durationMs;
  if (e.route.startsWith('GET /downloads')) {
    t.downloads += 1;
    t.downloadCpuFirstMs ??= cpuMs;
    t.downloadCpuLastMs = cpuMs;
    if (e.status === 200) t.downloadBytes += e.bytes;
    t.downloadFirstAt = Math.min(t.downloadFirstAt ?? e.at, e.at);
    t.downloadLastAt = Math.max(t.downloadLastAt ?? end, end);
    return;
  }
  t.requests += 1;
  t.byRoute[e.route] = (t.byRoute[e.route] ?? 0) + 1;
  if (e.status === 429) t.status429 += 1;
  if (e.status >= 500) t.status5xx += 1;
  if (e.status === 0) t.resets += 1;
  addBusy(t.busyMsBySecond, e.at, end);
  t.apiFirstAt = Math.min(t.apiFirstAt ?? e.at, e.at);
  t.apiLastAt = Math.max(t.apiLastAt ?? end, end);
}

/** Spreads one request's time in flight over the seconds it spans. */
function addBusy(bySecond: Record<number, number>, start: number, end: number): void {
  for (let second = Math.floor(start / 1000); second * 1000 < end; second++) {
    const overlap = Math.min(end, (second + 1) * 1000) - Math.max(start, second * 1000);
    bySecond[second] = (bySecond[second] ?? 0) + overlap;
  }
}

/** Mean API requests in flight per second of the API phase, in order (one number per second). */
export function inFlightTimeline(t: Traffic): number[] {
  if (t.apiFirstAt === undefined) return [];
  const first = Math.floor(t.apiFirstAt / 1000);
  const last = Math.floor(t.apiLastAt! / 1000);
  const timeline: number[] = [];
  for (let second = first; second <= last; second++) timeline.push(Math.round((t.busyMsBySecond[second] ?? 0) / 1000));
  return timeline;
}
