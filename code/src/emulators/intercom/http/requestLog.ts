/** One answered (or dropped) request. Never holds a token, a body or a secret. */
export interface RequestLogEntry {
  requestId: string;
  /** Unix milliseconds when the request arrived. */
  at: number;
  method: string;
  /** Path and query as requested. */
  url: string;
  /** Method and route pattern, e.g. `GET /contacts/:id`; `unmatched` for unknown paths. */
  route: string;
  /** HTTP status; 0 when the connection was reset. */
  status: number;
  durationMs: number;
  /** Bytes of the body sent. */
  bytes: number;
  /** The injected fault, if any. */
  fault?: string;
}

/** Counters since start or the last reset. */
export interface EmulatorMetrics {
  requests: number;
  /** Requests per route key (`GET /contacts/:id`). */
  byEndpoint: Record<string, number>;
  rateLimited: number;
  serverErrors: number;
  bytesServed: number;
  /** Injected faults per kind (`connection_reset`, `server_error_500`, `gateway_502`, `truncated`, `malformed`, `drift`, `slow`, `scroll_error`, …). */
  faults: Record<string, number>;
}

/** Keeps the most recent entries (bounded) and the counters. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counters: EmulatorMetrics = emptyMetrics();
  private readonly listeners = new Set<(entry: RequestLogEntry) => void>();

  constructor(private readonly maxEntries = 20_000) {}

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.maxEntries) this.entries.splice(0, this.entries.length - this.maxEntries);
    const m = this.counters;
    m.requests += 1;
    m.byEndpoint[entry.route] = (m.byEndpoint[entry.route] ?? 0) + 1;
    if (entry.status === 429) m.rateLimited += 1;
    if (entry.status >= 500) m.serverErrors += 1;
    m.bytesServed += entry.bytes;
    if (entry.fault) m.faults[entry.fault] = (m.faults[entry.fault] ?? 0) + 1;
    for (const listener of this.listeners) listener({ ...entry });
  }

  /** Calls `listener` with each request as it is recorded (answered or dropped); returns the unsubscribe. */
  onRecord(listener: (entry: RequestLogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  metrics(): EmulatorMetrics {
    return { ...this.counters, byEndpoint: { ...this.counters.byEndpoint }, faults: { ...this.counters.faults } };
  }

  reset(): void {
    this.entries = [];
    this.counters = emptyMetrics();
  }
}

function emptyMetrics(): EmulatorMetrics {
  return { requests: 0, byEndpoint: {}, rateLimited: 0, serverErrors: 0, bytesServed: 0, faults: {} };
}
