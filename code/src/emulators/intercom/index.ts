/**
 * The Intercom emulator: Intercom's REST API (version 2.16 shapes) over a generated workspace,
 * with Intercom's auth, paging, search semantics, rate limits and injectable faults.
 * Contract: docs/contracts.md §3.
 */
import type { AddressInfo } from 'node:net';
import type { EmulatorContext, OAuthSettings } from './context';
import { FaultInjector, type FaultOptions } from './http/faults';
import { Latency } from './http/latency';
import { RateLimiter, type RateLimitSettings } from './http/rateLimiter';
import { RequestLog, type EmulatorMetrics, type RequestLogEntry } from './http/requestLog';
import { ScrollRegistry } from './http/scrolls';
import { TokenRegistry } from './http/tokens';
import { buildServer } from './server';
import { createWorkspace } from './workspace';
import type { Workspace, WorkspaceSize } from './workspace/types';

export type { FaultOptions } from './http/faults';
export type { EmulatorMetrics, RequestLogEntry } from './http/requestLog';
export type { OAuthSettings } from './context';
export type { Workspace, WorkspaceSize } from './workspace/types';

/** Options of {@link startIntercomEmulator}. */
export interface IntercomEmulatorOptions {
  /** Default 1; same seed, same workspace (and same main token). */
  seed?: number;
  size?: Partial<WorkspaceSize>;
  /** Default true: every nasty case appears at least once. */
  edgeCases?: boolean;
  /** Share of the drawn conversation files kept (`CreateWorkspaceOptions.fileShare`). Default 1. */
  fileShare?: number;
  /** Default 0 (ephemeral); always bound to 127.0.0.1. */
  port?: number;
  /** Requests per 10-second window; defaults are Intercom's (10,000/min per app, 25,000/min per workspace). */
  rateLimit?: Partial<RateLimitSettings>;
  /** Default none. */
  faults?: FaultOptions;
  /** Mean latency of an API request in ms, with jitter (0.5 × to 1.5 ×). Default 0. */
  latencyMs?: number;
  /** Mean latency of a file download in ms. Default a fifth of `latencyMs`. */
  downloadLatencyMs?: number;
  /** OAuth client credentials accepted by `/oauth` and `/auth/eagle/token`. Default `emulator-client` / `emulator-secret`. */
  oauth?: Partial<OAuthSettings>;
  /** Idle time after which a companies scroll expires. Default 60 s (Intercom's). */
  scrollIdleMs?: number;
  /** Unix seconds at which the workspace's emulated clock starts (see the workspace's default). */
  startTime?: number;
}

/** A running emulator. */
export interface IntercomEmulator {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** A valid access token (the emulated private app's). */
  token: string;
  /** Ground truth and mutations. */
  workspace: Workspace;
  metrics(): EmulatorMetrics;
  requestLog(): RequestLogEntry[];
  /** Calls `listener` with each request once it is answered (or dropped); returns the unsubscribe. Tests act on these events. */
  onRequest(listener: (entry: RequestLogEntry) => void): () => void;
  resetMetrics(): void;
  /** Replaces the fault settings and restarts their seeded sequence. */
  setFaults(f: FaultOptions): void;
  setRateLimit(r: Partial<RateLimitSettings>): void;
  rateLimit(): RateLimitSettings;
  /** Expires every open companies scroll, as a minute without use would (their next page answers 400). */
  expireScrolls(): void;
  /** Revokes a token (default: the main one); later requests with it answer 401. */
  revokeToken(token?: string): void;
  /** Accepts a revoked token again (default: the main one). */
  restoreToken(token?: string): void;
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1 and generates its workspace. */
export async function startIntercomEmulator(options: IntercomEmulatorOptions = {}): Promise<IntercomEmulator> {
  const seed = options.seed ?? 1;
  // Created once the server listens (file URLs point at its port); no request is served before.
  let workspace: Workspace | undefined;
  const ctx: EmulatorContext = {
    baseUrl: '',
    get workspace(): Workspace {
      if (!workspace) throw new Error('the emulated workspace is created once the server listens');
      return workspace;
    },
    tokens: new TokenRegistry(seed),
    limiter: new RateLimiter(options.rateLimit),
    faults: new FaultInjector(options.faults),
    latency: new Latency({ latencyMs: options.latencyMs, downloadLatencyMs: options.downloadLatencyMs, seed }),
    scrolls: new ScrollRegistry(options.scrollIdleMs),
    log: new RequestLog(),
    oauth: { clientId: options.oauth?.clientId ?? 'emulator-client', clientSecret: options.oauth?.clientSecret ?? 'emulator-secret' },
    oauthCodes: new Map(),
    mainTokenRequests: 0,
  };
  const app = buildServer(ctx);
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  ctx.baseUrl = `http://127.0.0.1:${port}`;
  try {
    workspace = createWorkspace({ seed, size: options.size, edgeCases: options.edgeCases ?? true, fileBaseUrl: ctx.baseUrl, startTime: options.startTime, fileShare: options.fileShare });
  } catch (error) {
    await app.close();
    throw error;
  }

  return {
    baseUrl: ctx.baseUrl,
    token: ctx.tokens.mainToken,
    workspace: ctx.workspace,
    metrics: () => ctx.log.metrics(),
    requestLog: () => ctx.log.list(),
    onRequest: (listener) => ctx.log.onRecord(listener),
    expireScrolls: () => ctx.scrolls.expireAll(),
    resetMetrics: () => ctx.log.reset(),
    setFaults: (f) => {
      ctx.faults.set(f);
      ctx.mainTokenRequests = 0;
    },
    setRateLimit: (r) => ctx.limiter.configure(r),
    rateLimit: () => ctx.limiter.current(),
    revokeToken: (token) => ctx.tokens.revoke(token),
    restoreToken: (token) => ctx.tokens.restore(token),
    close: async () => {
      await app.close();
    },
  };
}
