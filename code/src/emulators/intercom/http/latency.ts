import { seededRandom } from '../random';

/**
 * Response latency the emulator adds, like a real network and Intercom's servers do: each request
 * waits its route's mean with uniform jitter (0.5 × to 1.5 × the mean, so the mean holds). File
 * downloads come from a CDN and have their own, smaller mean. The jitter has its own seeded sequence,
 * so latency never shifts the fault sequence.
 */
export interface LatencyOptions {
  /** Mean latency of an API request in ms. Default 0 (none). */
  latencyMs?: number;
  /** Mean latency of a file download in ms. Default a fifth of `latencyMs`. */
  downloadLatencyMs?: number;
  /** Seed of the jitter. Default 1. */
  seed?: number;
}

export class Latency {
  private readonly random: () => number;
  private readonly apiMs: number;
  private readonly downloadMs: number;

  constructor(options: LatencyOptions = {}) {
    this.apiMs = Math.max(0, options.latencyMs ?? 0);
    this.downloadMs = Math.max(0, options.downloadLatencyMs ?? this.apiMs / 5);
    this.random = seededRandom(options.seed ?? 1);
  }

  /** The delay of one request, in ms: 0 when no latency is set. */
  delayFor(kind: 'api' | 'download'): number {
    const mean = kind === 'download' ? this.downloadMs : this.apiMs;
    return mean > 0 ? Math.round(mean * (0.5 + this.random())) : 0;
  }

  get meanMs(): { api: number; download: number } {
    return { api: this.apiMs, download: this.downloadMs };
  }
}
