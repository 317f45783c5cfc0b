import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import type { EmulatorContext, RequestState } from './context';
import { IntercomHttpError, errorListBody, errors, newRequestId } from './http/errors';
import { corruptJson, gatewayPage } from './http/faults';
import { bearerToken } from './http/tokens';
import { resolveVersion } from './http/versions';
import { registerDirectoryRoutes } from './routes/directory';
import { registerCompanyRoutes } from './routes/companies';
import { registerContactRoutes } from './routes/contacts';
import { registerConversationRoutes } from './routes/conversations';
import { registerHelpCenterRoutes } from './routes/helpCenter';
import { registerFileRoutes } from './routes/files';
import { registerOAuthRoutes } from './routes/oauth';
import { registerTicketRoutes } from './routes/tickets';

/** Builds the fastify app of the emulated Intercom API (not yet listening). */
export function buildServer(ctx: EmulatorContext): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
  app.register(formbody);
  app.decorateRequest<RequestState | null>('intercom', null); // set by the onRequest hook below

  app.addHook('onRequest', async (req, reply) => {
    const state: RequestState = {
      requestId: newRequestId(),
      startedAt: Date.now(),
      routeKey: `${req.method} ${req.routeOptions.url ?? 'unmatched'}`,
      version: '2.16',
      bytes: 0,
    };
    req.intercom = state;
    reply.header('x-request-id', state.requestId);
    const config = req.routeOptions.config ?? {};
    const delayMs = ctx.latency.delayFor(config.download ? 'download' : 'api');
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (!config.public) {
      authenticate(ctx, req, reply);
      state.version = resolveVersion(req.headers['intercom-version']);
      reply.header('intercom-version', state.version);
    }
    if (!config.noFaults && (await injectFaults(ctx, req, reply))) return reply;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const state = req.intercom;
    let body = payload;
    const isJson = String(reply.getHeader('content-type') ?? '').includes('json');
    if (state?.bodyFault && isJson && typeof body === 'string' && reply.statusCode < 400) {
      body = corruptJson(body, state.bodyFault);
      state.fault = state.bodyFault;
    } else if (state?.bodyFault) {
      ctx.faults.deferBody(state.bodyFault);
    }
    if (state) state.bytes = typeof body === 'string' || Buffer.isBuffer(body) ? Buffer.byteLength(body) : 0;
    if (state && ctx.faults.loseResponse(state.routeKey, reply.statusCode)) {
      // Handled and stored; the answer never arrives.
      state.fault = 'response_lost';
      req.raw.socket.destroy();
    }
    return body;
  });

  app.addHook('onResponse', async (req, reply) => {
    if (req.intercom) recordRequest(ctx, req, reply.statusCode);
  });

  app.setErrorHandler((error, req, reply) => {
    const requestId = req.intercom?.requestId ?? newRequestId();
    if (error instanceof IntercomHttpError) {
      reply.headers(error.headers);
      const item = { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
      return reply.code(error.status).type('application/json; charset=utf-8').send(errorListBody(requestId, [item]));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = status === 415 ? 'unsupported' : status === 413 ? 'request_too_large' : 'bad_request';
      return reply.code(status).send(errorListBody(requestId, [{ code, message: (error as Error).message }]));
    }
    return reply.code(500).send(errorListBody(requestId, [{ code: 'server_error', message: 'Internal server error' }]));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorListBody(req.intercom?.requestId ?? newRequestId(), [{ code: 'not_found', message: 'Resource Not Found' }]));
  });

  registerOAuthRoutes(app, ctx);
  registerFileRoutes(app, ctx);
  registerDirectoryRoutes(app, ctx);
  registerCompanyRoutes(app, ctx);
  registerContactRoutes(app, ctx);
  registerConversationRoutes(app, ctx);
  registerHelpCenterRoutes(app, ctx);
  registerTicketRoutes(app, ctx);
  return app;
}

/** Bearer auth, the `revokeTokenAfter` fault and the rate limit. Throws Intercom's 401/429. */
function authenticate(ctx: EmulatorContext, req: FastifyRequest, reply: FastifyReply): void {
  const token = bearerToken(req.headers.authorization);
  if (!token || !ctx.tokens.isValid(token)) throw errors.unauthorized();
  if (token === ctx.tokens.mainToken) {
    ctx.mainTokenRequests += 1;
    const limit = ctx.faults.current.revokeTokenAfter;
    if (limit !== undefined && ctx.mainTokenRequests > limit) {
      ctx.tokens.revoke(token);
      req.intercom.fault = 'token_revoked';
      throw errors.unauthorized();
    }
  }
  req.intercom.token = token;
  const spentByOtherApps = ctx.faults.workspaceBudgetSpent(req.intercom.routeKey);
  if (spentByOtherApps) req.intercom.fault = 'workspace_budget_spent';
  const decision = spentByOtherApps ? ctx.limiter.workspaceSpent() : ctx.limiter.take(token);
  reply.header('x-ratelimit-limit', String(decision.limit));
  reply.header('x-ratelimit-remaining', String(decision.remaining));
  reply.header('x-ratelimit-reset', String(decision.resetAt));
  if (!decision.allowed) {
    const budget = decision.exceeded === 'workspace' ? ctx.limiter.current().workspacePer10s : decision.limit;
    throw new IntercomHttpError(429, 'rate_limit_exceeded', `Exceeded rate limit of ${budget} in 10_seconds`);
  }
}

/**
 * Applies the request's draw of random faults: reset, delay, 5xx; body faults are applied on send.
 * Returns true when the request has been answered (or dropped) here.
 */
async function injectFaults(ctx: EmulatorContext, req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const decision = ctx.faults.decide(req.intercom.routeKey);
  const state = req.intercom;
  if (decision.reset) {
    state.fault = 'connection_reset';
    reply.hijack();
    req.raw.socket.destroy();
    recordRequest(ctx, req, 0);
    return true;
  }
  if (decision.delayMs) {
    state.fault = 'slow';
    await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
  }
  if (decision.serverError) {
    const { status, html } = decision.serverError;
    state.fault = html ? `gateway_${status}` : `server_error_${status}`;
    if (html) {
      reply.code(status).type('text/html').send(gatewayPage(status));
      return true;
    }
    const code = status === 503 ? 'service_unavailable' : 'server_error';
    const message = status === 503 ? 'Service Unavailable' : status === 502 ? 'Bad Gateway' : 'Internal server error';
    throw new IntercomHttpError(status, code, message);
  }
  state.bodyFault = decision.body;
  return false;
}

function recordRequest(ctx: EmulatorContext, req: FastifyRequest, status: number): void {
  const state = req.intercom;
  ctx.log.record({
    requestId: state.requestId,
    at: state.startedAt,
    method: req.method,
    url: req.url,
    route: state.routeKey,
    status,
    durationMs: Date.now() - state.startedAt,
    bytes: state.bytes,
    ...(state.fault ? { fault: state.fault } : {}),
  });
}
