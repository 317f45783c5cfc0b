import axios, { AxiosInstance, AxiosResponse } from 'axios';
import { read } from 'read';
import { INTERCOM_VERSION } from '../intercom/constants';
import { INTERCOM_BASE_URLS as REGION_BASE_URLS, ROUTING_BASE_URL, parseRegion as parseRegionName, regionOfApp } from '../intercom/regions';
import { CliError, ExitCode, isNetworkError } from './cli-error';
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
    throw new CliError(`Unknown region "${value}": use --region ${REGIONS.slice(0, -1).join(', ')} or ${REGIONS[REGIONS.length - 1]}.`, ExitCode.usage);
  }
}

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

/** A response of the small probing client used for the preflight and the estimate. */
export interface ProbeResponse<T = unknown> {
  data: T;
  rateLimitPer10s?: number;
}

/**
 * A deliberately small Intercom client for cheap, one-off calls (preflight `/me`, estimate counts): few
 * retries, clear one-line errors. The snap-in's real client lives in `code/src/intercom/`.
 */
export class IntercomProbe {
  private readonly http: AxiosInstance;
  requests = 0;
  /** Time of each answered attempt, ms (what `estimate` predicts the import's latency from). */
  readonly latenciesMs: number[] = [];

  constructor(private readonly connection: IntercomConnection) {
    this.http = axios.create({
      baseURL: connection.baseUrl,
      timeout: 15_000,
      headers: {
        Authorization: `Bearer ${connection.token}`,
        'Intercom-Version': INTERCOM_VERSION,
        Accept: 'application/json',
      },
      validateStatus: () => true,
    });
  }

  get<T = unknown>(path: string, query?: Record<string, string | number>): Promise<ProbeResponse<T>> {
    return this.call<T>('GET', path, { params: query });
  }

  post<T = unknown>(path: string, body: unknown): Promise<ProbeResponse<T>> {
    return this.call<T>('POST', path, { data: body });
  }

  private async call<T>(method: 'GET' | 'POST', path: string, extra: { params?: object; data?: unknown }): Promise<ProbeResponse<T>> {
    const where = `${method} ${this.connection.baseUrl}${path}`;
    for (let attempt = 0; ; attempt++) {
      let response: AxiosResponse;
      try {
        this.requests++;
        const sentAt = Date.now();
        response = await this.http.request({ method, url: path, ...extra });
        this.latenciesMs.push(Date.now() - sentAt);
      } catch (err) {
        const code = isNetworkError(err) ?? 'network error';
        if (code === 'ECONNRESET' && attempt < 2) continue;
        throw new CliError(
          `Cannot reach Intercom at ${this.connection.baseUrl} (${code}): check --intercom-url / --region and your network connection.`,
          ExitCode.unreachable,
        );
      }
      const limit = Number(response.headers['x-ratelimit-limit']);
      const rateLimitPer10s = Number.isFinite(limit) && limit > 0 ? limit : undefined;
      if (response.status >= 200 && response.status < 300) return { data: response.data as T, rateLimitPer10s };
      if (response.status === 401 || response.status === 403) throw this.authError(response);
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < 3) {
        await sleep(retryDelayMs(response, attempt));
        continue;
      }
      throw new CliError(`Intercom answered ${response.status} ${errorCode(response.data)} to ${where}: try again later.`, ExitCode.failure);
    }
  }

  private authError(response: AxiosResponse): CliError {
    const code = errorCode(response.data);
    const regionHint =
      !this.connection.customBaseUrl
        ? ` If the workspace is hosted in another region, pass the right --region (us, eu or au; now ${this.connection.region ?? 'us'}).`
        : '';
    return new CliError(
      `Intercom rejected the token (${response.status} ${code}): it is wrong, expired or revoked; pass a valid access token with --token or INTERCOM_TOKEN.${regionHint}`,
      ExitCode.auth,
    );
  }
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
  const me = await probe.get<{ app?: { id_code?: string; name?: string; region?: string; timezone?: string } }>('/me');
  const app = me.data?.app;
  if (!app?.id_code) {
    throw new CliError(
      `${connection.baseUrl}/me did not describe an Intercom workspace: check --intercom-url (it must be Intercom's API or an emulator of it).`,
      ExitCode.unreachable,
    );
  }
  const workspace: WorkspaceInfo = {
    id: app.id_code,
    name: app.name ?? app.id_code,
    region: (app.region ?? 'US').toUpperCase(),
    timezone: app.timezone,
  };
  const actual = regionOfApp(workspace.region);
  if (connection.region && actual && actual !== connection.region) {
    throw new CliError(
      `Workspace "${workspace.name}" is hosted in region ${workspace.region}, not ${connection.region.toUpperCase()}: run again with --region ${actual} (or without --region).`,
      ExitCode.usage,
    );
  }
  if (!connection.region && actual && !connection.customBaseUrl) {
    connection.region = actual;
    connection.baseUrl = REGION_BASE_URLS[actual];
  }
  return { workspace, rateLimitPer10s: me.rateLimitPer10s };
}

function errorCode(body: unknown): string {
  const errors = (body as { errors?: Array<{ code?: string }> } | undefined)?.errors;
  return errors?.[0]?.code ?? 'error';
}

function retryDelayMs(response: AxiosResponse, attempt: number): number {
  const reset = Number(response.headers['x-ratelimit-reset']);
  if (response.status === 429 && Number.isFinite(reset)) return Math.min(Math.max(reset * 1000 - Date.now(), 0) + 1000, 11_000);
  return Math.min(500 * 2 ** attempt, 4000);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
