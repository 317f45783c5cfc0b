/**
 * `snap-ins.get` and the recipe endpoints the SDK calls to install the initial domain mapping (§9.4).
 * The installed mapping is kept on disk (`initial_domain_mapping.json`).
 */
import type { FastifyInstance } from 'fastify';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PLATFORM_IDENTITY, ROUTES } from '../identity';
import { writeFileAtomic } from '../../../files/atomic';
import type { PlatformServices } from '../services';

export function registerSnapInRoutes(app: FastifyInstance, services: PlatformServices): void {
  app.get(ROUTES.snapInsGet, async (request, reply) => {
    const { id } = request.query as { id?: string };
    if (id !== PLATFORM_IDENTITY.snapInId) {
      return reply.code(404).send({ message: `no snap-in with id ${String(id)}` });
    }
    return reply.send({
      snap_in: {
        id: PLATFORM_IDENTITY.snapInId,
        imports: [{ name: PLATFORM_IDENTITY.importSlug }],
        snap_in_version: { id: PLATFORM_IDENTITY.snapInVersionId, slug: PLATFORM_IDENTITY.snapInSlug },
      },
    });
  });

  app.post(ROUTES.blueprintsCreate, async (request, reply) => {
    if (!isObject(request.body)) return reply.code(400).send({ message: 'recipe blueprint must be a JSON object' });
    const id = `don:integration:dvrv-us-1:devo/0:recipe_blueprint/${randomBytes(4).toString('hex')}`;
    const file = path.join(services.layout.recipeBlueprintsDir, `${id.split('/').pop()}.json`);
    writeFileAtomic(file, JSON.stringify({ id, blueprint: request.body }, null, 2));
    return reply.send({ recipe_blueprint: { id } });
  });

  app.post(ROUTES.idmInstall, async (request, reply) => {
    const body = request.body;
    if (!isObject(body)) return reply.code(400).send({ message: 'initial domain mapping must be a JSON object' });
    const missing = ['external_system_type', 'import_slug', 'snap_in_slug'].filter((k) => typeof body[k] !== 'string');
    if (missing.length > 0) {
      return reply.code(400).send({ message: `initial domain mapping install: missing ${missing.join(', ')}` });
    }
    writeFileAtomic(services.layout.initialDomainMappingFile, `${JSON.stringify(body, null, 2)}\n`);
    return reply.send({});
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
