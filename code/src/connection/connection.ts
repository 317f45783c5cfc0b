/**
 * From an incoming event to a ready Intercom client: the token from the connection, the regional
 * host of the workspace (read from `/me`, the region option only an override checked against it;
 * or the local emulator URL), waits bounded by the time left in this invocation.
 * Also turns any error into the one-line message the platform shows to the user.
 */
import { IntercomClient } from '../intercom';
import { IntercomAuthError, IntercomError } from '../intercom/errors';
import { INTERCOM_BASE_URLS, ROUTING_BASE_URL, RegionMismatchError, resolveRegion, type IntercomRegion } from '../intercom/regions';
import { MeSchema, type IntercomMe } from '../intercom/schemas';
import type { AirdropEvent, WorkerAdapter } from '../adaas';
import { backoffCapMs, deadlineOf, requestTimeoutMs } from './deadline';
import { readOptions, type ExtractionOptions } from './options';

/** Time kept in reserve at the end of an invocation for the closing upload and emit. */
const RESERVE_MS = 1500;

/** The worker option that marks a local run; set only in code by `createFunctions({ local: true })`. */
export const LOCAL_RUN_OPTION = 'intercomLocalRun';

/**
 * A local run: started by our CLI or emulators, which pass {@link LOCAL_RUN_OPTION} to `spawn` in code
 * (`createFunctions({ local: true })`). DevRev's function factory never sets it and no event field
 * can, so a run on DevRev is never local.
 */
export function isLocalRun(adapter: Pick<WorkerAdapter<unknown>, 'options'>): boolean {
  return (adapter.options as Record<string, unknown> | undefined)?.[LOCAL_RUN_OPTION] === true;
}

/** The import options of the adapter's event (`intercom_api_base_url` only in a local run). */
export function optionsOf(adapter: Pick<WorkerAdapter<unknown>, 'options' | 'event'>): ExtractionOptions {
  return readOptions(adapter.event.input_data?.global_values, isLocalRun(adapter));
}

/**
 * The client of one invocation: waits are allowed only while they end before `deadline` (epoch ms)
 * with time to spare; a longer wait becomes a DELAY event.
 */
export function createIntercomClient(
  event: AirdropEvent,
  baseUrl: string,
  limits: { deadline: number; backoffCapMs?: number; requestTimeoutMs?: number; local?: boolean; localFileHosts?: string[] },
): IntercomClient {
  return new IntercomClient({
    local: limits.local === true,
    localFileHosts: limits.local ? limits.localFileHosts ?? [] : [],
    ...(limits.requestTimeoutMs !== undefined ? { timeoutMs: limits.requestTimeoutMs } : {}),
    token: event.payload.connection_data.key,
    baseUrl,
    canWait: (ms: number) => Date.now() + ms < limits.deadline - RESERVE_MS,
    ...(limits.backoffCapMs !== undefined ? { backoff: { capMs: limits.backoffCapMs, baseMs: Math.min(1000, limits.backoffCapMs) } } : {}),
  });
}

/** Where the client of an invocation sends its requests once `/me` named the workspace's region. */
export function apiBaseUrlFor(region: IntercomRegion, options: Pick<ExtractionOptions, 'apiBaseUrl'>): string {
  return options.apiBaseUrl ?? INTERCOM_BASE_URLS[region];
}

/** `/me` as the invocation read it, with the response headers (its `Date` is Intercom's clock). */
export type MeAnswer = { data: IntercomMe; headers: Record<string, unknown> };

/** The client of one invocation with its deadline (epoch ms) for the loop to stop at, and its workspace's region. */
export interface ConnectedInvocation {
  client: IntercomClient;
  deadline: number;
  region: IntercomRegion;
  /** `/me` when this invocation read it (no `knownRegion`), for a caller that needs it too. */
  me?: MeAnswer;
}

/**
 * The client of one worker invocation: `/me` on the host that routes to any region (or the emulator)
 * tells the workspace's region, whose host the client then calls. A region option that disagrees
 * with `/me` is a RegionMismatchError. `knownRegion` (a run in progress, or the metadata phase of
 * this run, learnt it) skips the question. A one-shot phase (no DELAY event: external sync units,
 * metadata) passes its own, later `deadline` (`extraction/one-shot.ts`, the same for each of its attempts).
 */
export async function clientForInvocation(
  adapter: Pick<WorkerAdapter<unknown>, 'options' | 'event'>,
  options: ExtractionOptions,
  knownRegion?: IntercomRegion,
  phase: { deadline?: number } = {},
): Promise<ConnectedInvocation> {
  if (knownRegion) {
    const { deadline, limits } = limitsOf(adapter, options, phase);
    return { client: createIntercomClient(adapter.event, apiBaseUrlFor(knownRegion, options), limits), deadline, region: knownRegion };
  }
  return clientAndMe(adapter, options, phase);
}

/**
 * The client of an invocation that asks `/me` (the live check of the connection's token and region),
 * with the answer: the workspace and Intercom's clock come with it, so the caller does not ask again.
 */
export async function clientAndMe(
  adapter: Pick<WorkerAdapter<unknown>, 'options' | 'event'>,
  options: ExtractionOptions,
  phase: { deadline?: number } = {},
): Promise<ConnectedInvocation & { me: MeAnswer }> {
  const { deadline, limits } = limitsOf(adapter, options, phase);
  const routing = createIntercomClient(adapter.event, options.apiBaseUrl ?? ROUTING_BASE_URL, limits);
  const me = await routing.getWithHeaders('/me', { schema: MeSchema, kind: 'me' });
  const { app } = me.data;
  const region = resolveRegion(app.region, options.regionOverride, `Workspace "${app.name ?? app.id_code}"`);
  const baseUrl = apiBaseUrlFor(region, options);
  const client = baseUrl === routing.baseUrl ? routing : createIntercomClient(adapter.event, baseUrl, limits);
  return { client, deadline, region, me };
}

function limitsOf(adapter: Pick<WorkerAdapter<unknown>, 'options' | 'event'>, options: ExtractionOptions, phase: { deadline?: number }) {
  const deadline = phase.deadline ?? deadlineOf(adapter);
  const limits = {
    deadline, backoffCapMs: backoffCapMs(adapter), requestTimeoutMs: requestTimeoutMs(adapter),
    local: isLocalRun(adapter), localFileHosts: extraDownloadHosts(options),
  };
  return { deadline, limits };
}

/** The allow-list of download hosts beyond Intercom's own: the configured emulator host. */
export function extraDownloadHosts(options: ExtractionOptions): string[] {
  return options.apiBaseUrl ? [new URL(options.apiBaseUrl).host] : [];
}

/** A message for the user: what failed and what to do; never a token. */
export function userMessage(error: unknown): string {
  if (error instanceof IntercomAuthError) {
    const what = error.reason === 'permission'
      ? 'Intercom refused access with this connection (missing permission or plan)'
      : 'Intercom rejected the connection\'s access token (revoked or invalid)';
    return `${what}: ${error.message}. Fix the Intercom connection in DevRev (reconnect Intercom or update its token), then run the import again.`;
  }
  if (error instanceof RegionMismatchError) return error.message;
  if (error instanceof IntercomError) return `Intercom request failed: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
