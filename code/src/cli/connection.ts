import { read } from 'read';
import {
  IntercomAuthError,
  IntercomClient,
  IntercomDelayRequired,
  IntercomError,
  IntercomNetworkError,
  readRateLimit,
  type IntercomClientOptions,
} from '../intercom';
import { MeSchema, workspaceOfMe } from '../intercom/schemas';
import { INTERCOM_BASE_URLS as REGION_BASE_URLS, ROUTING_BASE_URL, parseRegion as parseRegionName, regionOfApp, RegionMismatchError, resolveRegion } from '../intercom/regions';
import { CliError, ExitCode, isNetworkError, toCliError } from './cli-error';
import { registerSecret } from './secrets';
import { Region, REGIONS, WorkspaceInfo } from './settings';

/** Where and how the CLI talks to Intercom. `token` is registered as a secret as soon as it is known. */
export interface IntercomConnection {
  baseUrl: string;
  /**
   * The region the user asked for (`--region`), only checked against `/me`; without it the preflight
   * learns it from `/me` and moves `baseUrl` to that region's host (unless the URL is custom).
   */
  region?: Region;
  customBaseUrl: boolean;
  token: string;
}

/** The connection flags every command that reaches Intercom accepts. */
export interface ConnectionFlags {
  region?: string;
  intercomUrl?: string;
  token?: string;
}

/** Parses `--region`, failing with the allowed values. */
export function parseRegion(value: string | undefined): Region | undefined {
  if (value === undefined) return undefined;
  try {
    return parseRegionName(value);
  } catch {
    throw new CliError(`Unknown region "${value}": use --region ${REGION_CHOICES}.`, ExitCode.usage);
  }
}

/** "us, eu or au" */
const REGION_CHOICES = `${REGIONS.slice(0, -1).join(', ')} or ${REGIONS[REGIONS.length - 1]}`;

/**
 * Why `--token` is the last resort: a command-line argument is visible to every user of the machine
 * in the process list (`ps`) and stays in the shell history.
 */
export const TOKEN_HELP =
  'Intercom access token. Prefer INTERCOM_TOKEN, or leave both out on a terminal to be asked for it ' +
  '(hidden): a --token value is visible in the process list and kept in the shell history. Never saved.';

/** Asks for the token on the terminal without echoing it; undefined when stdin is not a terminal. */
async function promptForToken(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const answer = await read({ prompt: 'Intercom access token (input hidden): ', silent: true, replace: '', output: process.stderr });
  return answer.trim() || undefined;
}

/**
 * Builds the connection from flags: the token from `INTERCOM_TOKEN` or `--token` (see TOKEN_HELP), else
 * asked for (hidden) when stdin is a terminal; the host falls back to the one saved in an output
 * folder's settings.
 */
export async function resolveConnection(
  flags: ConnectionFlags,
  saved?: { intercomBaseUrl: string; region?: Region; customBaseUrl: boolean },
): Promise<IntercomConnection> {
  const token = flags.token ?? process.env.INTERCOM_TOKEN ?? (await promptForToken());
  registerSecret(token);
  if (!token) {
    throw new CliError(
      'No Intercom token: set INTERCOM_TOKEN (or run on a terminal to be asked for it); --token <token> works too but ' +
        'shows the token in the process list and the shell history. It is never saved.',
      ExitCode.usage,
    );
  }
  const region = parseRegion(flags.region);
  if (flags.intercomUrl) {
    let url: URL;
    try {
      url = new URL(flags.intercomUrl);
    } catch {
      throw new CliError(`--intercom-url "${flags.intercomUrl}" is not a URL: give e.g. http://127.0.0.1:8765.`, ExitCode.usage);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new CliError(`--intercom-url must be an http(s) URL, not ${url.protocol}`, ExitCode.usage);
    }
    return { baseUrl: flags.intercomUrl.replace(/\/+$/, ''), region, customBaseUrl: true, token };
  }
  if (region) return { baseUrl: REGION_BASE_URLS[region], region, customBaseUrl: false, token };
  if (saved) return { baseUrl: saved.intercomBaseUrl, region: saved.region, customBaseUrl: saved.customBaseUrl, token };
  return { baseUrl: ROUTING_BASE_URL, customBaseUrl: false, token }; // the preflight moves it to the workspace's region
}

/** Longest wait (429 reset, back-off) the probe sits through; a longer one ends the command with "try again later". */
const MAX_PROBE_WAIT_MS = 11_000;

/**
 * The CLI's cheap, one-off calls (preflight `/me`, estimate counts) through the one Intercom client
 * (`code/src/intercom/`): its retries, pacing and typed errors, with a small retry budget and short
 * back-off; every failure becomes ONE line for the user (`probeError`).
 */
export class IntercomProbe {
  readonly client: IntercomClient;
  /** Time of each answered call, ms, waits excluded (what `estimate` predicts the import's latency from). */
  readonly latenciesMs: number[] = [];

  constructor(private readonly connection: IntercomConnection) {
    try {
      this.client = new IntercomClient({
        ...clientTarget(connection),
        token: connection.token,
        timeoutMs: 15_000,
        maxRetries: 3,
        backoff: { baseMs: 500, capMs: 4000 },
        canWait: (ms) => ms <= MAX_PROBE_WAIT_MS,
      });
    } catch (err) {
      throw new CliError(`Cannot use ${connection.baseUrl}: ${err instanceof Error ? err.message : String(err)}`, ExitCode.usage);
    }
  }

  /** HTTP attempts made so far (retries included). */
  get requests(): number {
    return this.client.stats().requests;
  }

  /**
   * Runs one call of the client, timing it and turning its failure into a one-line CliError. A call
   * made beside others is not timed (`timed: false`): the client's counts of attempts and waits are
   * shared, so its own latency cannot be told apart.
   */
  async call<T>(request: (client: IntercomClient) => Promise<T>, o: { timed?: boolean } = {}): Promise<T> {
    const before = this.client.stats();
    const sentAt = Date.now();
    let result: T;
    try {
      result = await request(this.client);
    } catch (err) {
      throw probeError(err, this.connection);
    }
    if (o.timed === false) return result;
    const after = this.client.stats();
    const attempts = Math.max(1, after.requests - before.requests);
    this.latenciesMs.push((Date.now() - sentAt - (after.waitedMs - before.waitedMs)) / attempts);
    return result;
  }
}

/** Where the client of `connection` points: a custom URL is a local run (its host may serve files too). */
export function clientTarget(connection: IntercomConnection): Pick<IntercomClientOptions, 'baseUrl' | 'region' | 'local' | 'localFileHosts'> {
  return connection.customBaseUrl
    ? { baseUrl: connection.baseUrl, local: true, localFileHosts: [new URL(connection.baseUrl).host] }
    : { baseUrl: connection.baseUrl };
}

/** The one line a user sees for a failed probe call. */
function probeError(err: unknown, connection: IntercomConnection): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof IntercomAuthError) {
    const regionHint = !connection.customBaseUrl
      ? ` If the workspace is hosted in another region, pass the right --region (${REGION_CHOICES}; now ${connection.region ?? 'us'}).`
      : '';
    return new CliError(
      `Intercom rejected the token (${err.status} ${err.code ?? 'error'}): it is wrong, expired or revoked; pass a valid access token with --token or INTERCOM_TOKEN.${regionHint}`,
      ExitCode.auth,
    );
  }
  if (err instanceof IntercomNetworkError) {
    const cause = isNetworkError(err) ?? 'no usable answer';
    return new CliError(
      `Cannot reach Intercom at ${connection.baseUrl} (${cause}): check --intercom-url / --region and your network connection.`,
      ExitCode.unreachable,
    );
  }
  if (err instanceof IntercomDelayRequired) {
    return new CliError(`Intercom asks for a pause of ${err.delaySeconds} s (rate limit) before ${err.method} ${connection.baseUrl}${err.path}: try again later.`);
  }
  if (err instanceof IntercomError && err.status !== undefined) {
    return new CliError(`Intercom answered ${err.status} ${err.code ?? 'error'} to ${err.method} ${connection.baseUrl}${err.path}: try again later.`);
  }
  return toCliError(err);
}

/** The workspace behind the token, and the rate limit Intercom announced. */
export interface Preflight {
  workspace: WorkspaceInfo;
  rateLimitPer10s?: number;
}

/**
 * `GET /me`: checks the token, learns the workspace (id = `app.id_code`) and checks the region the user
 * named against the workspace's own.
 */
export async function preflight(connection: IntercomConnection, probe = new IntercomProbe(connection)): Promise<Preflight> {
  const me = await probe.call((client) => client.getWithHeaders('/me'));
  const parsed = MeSchema.safeParse(me.data);
  if (!parsed.success) {
    throw new CliError(
      `${connection.baseUrl}/me did not describe an Intercom workspace: check --intercom-url (it must be Intercom's API or an emulator of it).`,
      ExitCode.unreachable,
    );
  }
  const workspace: WorkspaceInfo = workspaceOfMe(parsed.data);
  let region: Region;
  try {
    region = resolveRegion(workspace.region, connection.region);
  } catch (err) {
    if (!(err instanceof RegionMismatchError)) throw err;
    throw new CliError(
      `Workspace "${workspace.name}" is hosted in region ${workspace.region}, not ${connection.region!.toUpperCase()}: run again with --region ${regionOfApp(workspace.region)} (or without --region).`,
      ExitCode.usage,
    );
  }
  if (!connection.region && regionOfApp(workspace.region) && !connection.customBaseUrl) {
    connection.region = region;
    connection.baseUrl = REGION_BASE_URLS[region];
  }
  return { workspace, rateLimitPer10s: readRateLimit(me.headers).limit };
}
