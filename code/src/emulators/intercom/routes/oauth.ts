import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { IntercomHttpError, errors } from '../http/errors';
import { bodyObject, queryOf } from './shared';

/** An authorization code lives about five minutes, as Intercom's does. */
const CODE_TTL_MS = 5 * 60_000;

/**
 * OAuth as a public Intercom app sees it: `GET /oauth` (the consent screen, approved at once)
 * redirects to `redirect_uri` with `code` and `state`; `POST /auth/eagle/token` exchanges the code.
 */
export function registerOAuthRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const config = { public: true, noFaults: true };

  app.get('/oauth', { config }, async (req, reply) => {
    const q = queryOf(req);
    if (q.client_id !== ctx.oauth.clientId) throw errors.parameterInvalid('Unknown client_id', 'client_id');
    if (!q.redirect_uri) throw errors.parameterInvalid('redirect_uri is required by the emulator (no registered default)', 'redirect_uri');
    let target: URL;
    try {
      target = new URL(q.redirect_uri);
    } catch {
      throw errors.parameterInvalid('redirect_uri is not a valid URL', 'redirect_uri');
    }
    const code = randomBytes(16).toString('hex');
    ctx.oauthCodes.set(code, Date.now() + CODE_TTL_MS);
    target.searchParams.set('code', code);
    if (q.state !== undefined) target.searchParams.set('state', q.state);
    return reply.redirect(target.toString(), 302);
  });

  app.post('/auth/eagle/token', { config }, async (req) => {
    const body = bodyObject(req);
    const code = String(body.code ?? '');
    if (String(body.client_id ?? '') !== ctx.oauth.clientId || !sameSecret(String(body.client_secret ?? ''), ctx.oauth.clientSecret)) {
      throw new IntercomHttpError(401, 'unauthorized', 'Invalid client credentials');
    }
    const expiresAt = ctx.oauthCodes.get(code);
    ctx.oauthCodes.delete(code);
    if (expiresAt === undefined || expiresAt < Date.now()) throw errors.badRequest('The authorization code is invalid or has expired', 'code');
    const token = ctx.tokens.issue();
    return { type: 'token', token, access_token: token, token_type: 'Bearer' };
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
