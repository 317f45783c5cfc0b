import { inspect } from 'node:util';
import nock from 'nock';
import {
  IntercomAuthError,
  IntercomError,
  IntercomNotFoundError,
  IntercomRateLimitError,
  IntercomRequestError,
  IntercomServerError,
  SENSITIVE_HEADERS,
  redactHeaders,
  redactUrl,
} from '../../src/intercom';
import { API, captureLogger, errorList, makeClient } from './helpers';
import { installNockHooks } from './nock-hooks';

installNockHooks();

/** Asks the client for `path` answered by (status, body) and returns what it threw. */
async function failureFor(status: number, body: unknown, headers: Record<string, string> = {}): Promise<IntercomError> {
  const { client } = makeClient({ maxRetries: 0 });
  nock(API).get('/thing').reply(status, body as nock.Body, headers);
  const error = await client.get('/thing').then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IntercomError)) throw new Error(`expected an IntercomError, got ${String(error)}`);
  return error;
}

describe('typed errors from status and body', () => {
  it.each([
    [401, 'unauthorized', IntercomAuthError],
    [401, 'token_revoked', IntercomAuthError],
    [403, 'token_blocked', IntercomAuthError],
    [403, 'api_plan_restricted', IntercomAuthError],
    [404, 'conversation_not_found', IntercomNotFoundError],
    [410, 'contact_merged', IntercomNotFoundError],
    [400, 'parameter_invalid', IntercomRequestError],
    [409, 'conflict', IntercomRequestError],
    [422, 'data_invalid', IntercomRequestError],
    [429, 'rate_limit_exceeded', IntercomRateLimitError],
    [500, 'server_error', IntercomServerError],
    [503, 'service_unavailable', IntercomServerError],
  ])('%i %s → %p', async (status, code, type) => {
    const error = await failureFor(status, errorList(code, `message for ${code}`, `rid-${status}`));
    expect(error).toBeInstanceOf(type);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.requestId).toBe(`rid-${status}`);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/thing');
    expect(error.message).toContain(`message for ${code}`);
  });

  it('tells the user to reconnect on a rejected token, and to fix permissions on a 403', async () => {
    const revoked = (await failureFor(401, errorList('unauthorized', 'Access Token Invalid'))) as IntercomAuthError;
    expect(revoked.reason).toBe('credentials');
    expect(revoked.message).toMatch(/reconnect Intercom/);
    const scope = (await failureFor(403, errorList('forbidden', 'You do not have the required scope'))) as IntercomAuthError;
    expect(scope.reason).toBe('permission');
    expect(scope.message).toMatch(/permission/);
  });

  it('is not retried on 401', async () => {
    const { client } = makeClient({ maxRetries: 3 });
    nock(API).get('/me').reply(401, errorList('unauthorized', 'Access Token Invalid'));
    await expect(client.get('/me')).rejects.toBeInstanceOf(IntercomAuthError);
    expect(client.stats().requests).toBe(1);
  });

  it('reads the canonical contact of a 410 contact_merged from the Link header', async () => {
    const error = (await failureFor(410, errorList('contact_merged', 'This contact has been merged.'), {
      Link: '</contacts/abc123>; rel="canonical"',
    })) as IntercomNotFoundError;
    expect(error.canonical).toBe('/contacts/abc123');
  });

  it('handles an unknown code and a non-JSON error page by HTTP status', async () => {
    const page = await failureFor(502, '<html><body>Bad Gateway</body></html>', { 'Content-Type': 'text/html' });
    expect(page).toBeInstanceOf(IntercomServerError);
    expect(page.code).toBeUndefined();
    const unknown = await failureFor(418, errorList('brand_new_code', 'teapot'));
    expect(unknown).toBeInstanceOf(IntercomRequestError);
    expect(unknown.code).toBe('brand_new_code');
  });
});

describe('secret hygiene', () => {
  it('keeps the token out of errors (message, toString, JSON, inspect) on 401 and 500, even when echoed back', async () => {
    for (const status of [401, 500]) {
      const logger = captureLogger();
      const { client, token } = makeClient({ maxRetries: 1, logger });
      nock.cleanAll();
      nock(API)
        .get('/me')
        .times(status === 500 ? 2 : 1)
        .reply(status, errorList(status === 401 ? 'unauthorized' : 'server_error', `bad token ${token}`), { 'Set-Cookie': `s=${token}` });
      const error = await client.get('/me').catch((e: unknown) => e);
      expect(nock.isDone()).toBe(true);
      expect(error).toBeInstanceOf(IntercomError);
      const renderings = [String(error), (error as Error).message, JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? ''];
      for (const text of renderings) expect(text).not.toContain(token);
      expect(JSON.stringify(error)).toContain('[REDACTED]');
      // Logs (request debug lines with headers, retry warnings) never carry it either.
      expect(logger.lines.length).toBeGreaterThan(0);
      for (const line of logger.lines) expect(line).not.toContain(token);
      expect(logger.lines.some((l) => l.includes('"authorization":"[REDACTED]"') || l.includes('"Authorization":"[REDACTED]"'))).toBe(true);
    }
  });

  it('redacts every sensitive header, whatever its case, and sensitive query parameters', () => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const name of SENSITIVE_HEADERS) headers[name.toUpperCase()] = 'secret-value';
    const redacted = redactHeaders(headers);
    expect(JSON.stringify(redacted)).not.toContain('secret-value');
    expect(redacted.Accept).toBe('application/json');
    expect(redactUrl('/files/1?access_token=abc&size=2')).toBe('/files/1?access_token=[REDACTED]&size=2');
    expect(redactUrl('/contacts')).toBe('/contacts');
  });
});
