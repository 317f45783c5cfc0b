import type { FaultInjector } from './http/faults';
import type { Latency } from './http/latency';
import type { RateLimiter } from './http/rateLimiter';
import type { RequestLog } from './http/requestLog';
import type { ScrollRegistry } from './http/scrolls';
import type { TokenRegistry } from './http/tokens';
import type { Workspace } from './workspace/types';

/** OAuth app credentials the emulated Intercom accepts. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
}

/** Everything the routes and hooks share: one per emulator. */
export interface EmulatorContext {
  /** `http://127.0.0.1:<port>`; known once the server listens. */
  baseUrl: string;
  /** Created once the base URL is known (file URLs point at it). */
  workspace: Workspace;
  tokens: TokenRegistry;
  limiter: RateLimiter;
  faults: FaultInjector;
  latency: Latency;
  scrolls: ScrollRegistry;
  log: RequestLog;
  oauth: OAuthSettings;
  /** Authorization codes handed out by `GET /oauth` and not yet exchanged: code → expiry (unix ms). */
  oauthCodes: Map<string, number>;
  /** Authenticated requests with the main token since faults were last set (for `revokeTokenAfter`). */
  mainTokenRequests: number;
}

/** Per-request state the hooks keep on the request. */
export interface RequestState {
  requestId: string;
  startedAt: number;
  routeKey: string;
  /** The `Intercom-Version` in effect. */
  version: string;
  /** The token (the app) of an authenticated request. */
  token?: string;
  bodyFault?: 'truncated' | 'malformed' | 'drift';
  fault?: string;
  bytes: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    intercom: RequestState;
  }
  interface FastifyContextConfig {
    /** Routes without bearer auth, rate limit and version check (OAuth, file downloads). */
    public?: boolean;
    /** File downloads: served like a CDN, with the smaller download latency. */
    download?: boolean;
    /** Routes never touched by injected faults. */
    noFaults?: boolean;
  }
}
