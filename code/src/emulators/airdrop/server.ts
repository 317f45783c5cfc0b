/**
 * The emulated platform's HTTP server (fastify on 127.0.0.1): DevRev's `/internal/...` endpoints,
 * the worker-data (state) endpoints, the callback URL and presigned artifact upload/download.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { timingSafeEqual } from 'node:crypto';
import { ROUTES } from './identity';
import type { PlatformServices } from './services';
import { registerCallbackRoute } from './routes/callback';
import { registerStateRoutes } from './routes/state';
import { registerArtifactRoutes } from './routes/artifacts';
import { registerSnapInRoutes } from './routes/snap-in';
import { registerMapperRoutes } from './routes/mappers';

/** Paths that need no service-account token (presigned URLs carry a signature instead). */
const UNAUTHENTICATED_PREFIXES = [ROUTES.artifactUpload, ROUTES.artifactDownload];

/** Builds the fastify app (not yet listening). */
export async function buildPlatformServer(services: PlatformServices): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  await app.register(multipart, {
    limits: { fileSize: 4 * 1024 * 1024 * 1024, fields: 1000, fieldSize: 1024 * 1024 },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (UNAUTHENTICATED_PREFIXES.some((p) => request.url.startsWith(`${p}/`))) return;
    const problem = checkAuthorization(request, services.serviceAccountToken);
    if (problem) return reply.code(401).send({ message: problem });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ message: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` });
  });

  registerCallbackRoute(app, services);
  registerStateRoutes(app, services);
  registerArtifactRoutes(app, services);
  registerSnapInRoutes(app, services);
  registerMapperRoutes(app, services);
  return app;
}

/**
 * The SDK sends the token raw for most endpoints and as `Bearer <token>` for artifact endpoints
 * (§0); both are accepted everywhere. Returns why the request is refused, or undefined.
 */
function checkAuthorization(request: FastifyRequest, token: string): string | undefined {
  const header = request.headers.authorization;
  if (!header) return 'missing Authorization header (service account token)';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : header);
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return 'invalid service account token';
  }
  return undefined;
}
