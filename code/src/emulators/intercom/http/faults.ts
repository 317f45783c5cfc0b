import { seededRandom } from '../random';

/**
 * Faults the emulator injects. Rates are probabilities per eligible request (0..1), drawn from a
 * generator seeded with `seed`, so the same requests in the same order meet the same faults.
 * Setting new faults restarts the sequence and the counters.
 */
export interface FaultOptions {
  /** Seed of the fault sequence. Default 1. */
  seed?: number;
  /**
   * Route keys the random faults apply to, e.g. `GET /contacts` or `GET /conversations/:id`
   * (method and fastify route pattern). Default: every route except OAuth.
   */
  routes?: string[];
  /** A 5xx answer instead of the real one. */
  serverErrorRate?: number;
  /** Which statuses a 5xx fault uses (drawn in turn). Default [500, 502, 503]. */
  serverErrorStatuses?: Array<500 | 502 | 503>;
  /** Share of 502/503 faults answered with an HTML gateway page instead of `error.list`. Default 0.5. */
  htmlErrorShare?: number;
  /** The socket is destroyed without an answer. */
  connectionResetRate?: number;
  /** The answer is delayed by `slowMs`. */
  slowRate?: number;
  /** Delay of a slow answer in milliseconds. Default 1500. */
  slowMs?: number;
  /** A JSON body cut in half (with a matching Content-Length). */
  truncatedBodyRate?: number;
  /** A JSON body that does not parse. */
  malformedBodyRate?: number;
  /** Schema drift: unknown fields added to every object, one optional field removed. */
  schemaDriftRate?: number;
  /** After this many authenticated requests with the emulator's main token, that token is revoked. */
  revokeTokenAfter?: number;
  /** The n-th page (1-based, counting the first call) of a companies scroll answers 500 and the scroll dies. */
  scrollErrorAtPage?: number;
  /** How many scrolls meet `scrollErrorAtPage`. Default 1. */
  scrollErrorTimes?: number;
  /**
   * The answers of this many successful requests (to `routes`) are lost: the request is handled —
   * a reply is stored — and then the connection closes without an answer, as when a response times
   * out on its way back. Deterministic: the next N eligible requests.
   */
  lostResponses?: number;
  /**
   * The next N requests to `routes` are refused with 429 as when the customer's other apps have spent the
   * workspace's shared budget: the app's own `X-RateLimit-*` headers gave no warning. Deterministic.
   */
  workspaceBudgetSpentResponses?: number;
}

/** What the fault plan decided for one request. */
export interface FaultDecision {
  reset?: boolean;
  serverError?: { status: 500 | 502 | 503; html: boolean };
  delayMs?: number;
  body?: 'truncated' | 'malformed' | 'drift';
}

/** Draws the faults of each request from the seeded sequence. */
export class FaultInjector {
  private options: FaultOptions = {};
  private random: () => number = seededRandom(1);
  private statusTurn = 0;
  private scrollErrorsLeft = 0;
  private lostResponsesLeft = 0;
  private workspaceBudgetSpentLeft = 0;
  /** Body faults drawn for answers they could not apply to (not JSON, or an error), in order, waiting for the next ones. */
  private deferredBodies: Array<NonNullable<FaultDecision['body']>> = [];

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    this.options = { ...options };
    this.random = seededRandom(options.seed ?? 1);
    this.statusTurn = 0;
    this.scrollErrorsLeft = options.scrollErrorAtPage ? (options.scrollErrorTimes ?? 1) : 0;
    this.lostResponsesLeft = options.lostResponses ?? 0;
    this.workspaceBudgetSpentLeft = options.workspaceBudgetSpentResponses ?? 0;
    this.deferredBodies = [];
  }

  get current(): FaultOptions {
    return { ...this.options };
  }

  /** The random faults for one request to `routeKey`. Draws a fixed number of values per eligible request. */
  decide(routeKey: string): FaultDecision {
    const o = this.options;
    if (o.routes && !o.routes.includes(routeKey)) return {};
    // Always draw the same number of values so that one fault's rate does not shift another's sequence.
    const [reset, serverError, html, slow, truncated, malformed, drift] = Array.from({ length: 7 }, () => this.random());
    if (reset < (o.connectionResetRate ?? 0)) return { reset: true };
    const decision: FaultDecision = {};
    if (slow < (o.slowRate ?? 0)) decision.delayMs = o.slowMs ?? 1500;
    if (serverError < (o.serverErrorRate ?? 0)) {
      const statuses = o.serverErrorStatuses?.length ? o.serverErrorStatuses : ([500, 502, 503] as const);
      const status = statuses[this.statusTurn++ % statuses.length];
      decision.serverError = { status, html: status !== 500 && html < (o.htmlErrorShare ?? 0.5) };
      return decision;
    }
    if (truncated < (o.truncatedBodyRate ?? 0)) decision.body = 'truncated';
    else if (malformed < (o.malformedBodyRate ?? 0)) decision.body = 'malformed';
    else if (drift < (o.schemaDriftRate ?? 0)) decision.body = 'drift';
    else decision.body = this.takeDeferredBody();
    return decision;
  }

  /**
   * The body fault drawn for this request could not be applied (a file, an error answer): the next
   * JSON answer takes it, so that how many body faults a run meets depends on the seeded draws only,
   * not on which requests concurrency happened to put at those draws.
   */
  deferBody(kind: NonNullable<FaultDecision['body']>): void {
    this.deferredBodies.push(kind);
  }

  private takeDeferredBody(): FaultDecision['body'] {
    return this.deferredBodies.shift();
  }

  /** True when the answer to this handled request to `routeKey` must be lost; consumes one of `lostResponses`. */
  loseResponse(routeKey: string, status: number): boolean {
    if (this.lostResponsesLeft <= 0 || status >= 400) return false;
    if (this.options.routes && !this.options.routes.includes(routeKey)) return false;
    this.lostResponsesLeft -= 1;
    return true;
  }

  /** True when this request to `routeKey` finds the workspace budget spent; consumes one of `workspaceBudgetSpentResponses`. */
  workspaceBudgetSpent(routeKey: string): boolean {
    if (this.workspaceBudgetSpentLeft <= 0) return false;
    if (this.options.routes && !this.options.routes.includes(routeKey)) return false;
    this.workspaceBudgetSpentLeft -= 1;
    return true;
  }

  /** True when a scroll's `page` (1-based) must fail; consumes one of `scrollErrorTimes`. */
  scrollPageFails(page: number): boolean {
    if (this.scrollErrorsLeft <= 0 || page !== this.options.scrollErrorAtPage) return false;
    this.scrollErrorsLeft -= 1;
    return true;
  }
}

/** The HTML page a gateway in front of Intercom answers with. */
export function gatewayPage(status: number): string {
  const title = status === 502 ? '502 Bad Gateway' : status === 503 ? '503 Service Temporarily Unavailable' : `${status} Error`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

/** Applies a body fault to a JSON payload. */
export function corruptJson(payload: string, kind: 'truncated' | 'malformed' | 'drift'): string {
  if (kind === 'truncated') return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  if (kind === 'malformed') return payload.replace(/^\{/, "{'").replace(/:/, ' =');
  return JSON.stringify(drift(JSON.parse(payload)));
}

/** Fields that are optional in Intercom's schemas; drift removes the first one present on each object. */
const OPTIONAL_FIELDS = ['waiting_since', 'custom_attributes', 'job_title', 'email_domain', 'icon', 'description', 'snoozed_until', 'avatar', 'read'];

function drift(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => drift(v, depth + 1));
  if (value === null || typeof value !== 'object' || depth > 3) return value;
  const object = { ...(value as Record<string, unknown>) };
  for (const [key, inner] of Object.entries(object)) object[key] = drift(inner, depth + 1);
  if (typeof object.type === 'string' && object.type !== 'error.list') {
    const dropped = OPTIONAL_FIELDS.find((f) => f in object);
    if (dropped) delete object[dropped];
    object.x_emulator_new_field = { type: 'unknown_future_object', value: 42 };
  }
  return object;
}
