/** The sync mapper record endpoints (§7.3); lookups answer 404 on a miss. */
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../identity';
import type { MapperCreateBody, MapperUpdateBody } from '../mapper-store';
import type { PlatformServices } from '../services';

export function registerMapperRoutes(app: FastifyInstance, services: PlatformServices): void {
  const { mappers } = services;

  app.get(ROUTES.mapperGetByTarget, async (request, reply) => {
    const { sync_unit: syncUnit, target } = request.query as { sync_unit?: string; target?: string };
    if (!syncUnit || !target) return reply.code(400).send({ message: 'query parameters sync_unit and target are required' });
    const record = mappers.getByTarget(syncUnit, target);
    if (!record) return reply.code(404).send({ message: `no sync mapper record for target ${target}` });
    return reply.send({ sync_mapper_record: record });
  });

  app.get(ROUTES.mapperGetByExternalId, async (request, reply) => {
    const q = request.query as { sync_unit?: string; external_id?: string; target_type?: string };
    if (!q.sync_unit || !q.external_id) {
      return reply.code(400).send({ message: 'query parameters sync_unit and external_id are required' });
    }
    const record = mappers.getByExternalId(q.sync_unit, q.external_id);
    if (!record) return reply.code(404).send({ message: `no sync mapper record for external id ${q.external_id}` });
    return reply.send({ sync_mapper_record: record });
  });

  app.post(ROUTES.mapperCreate, async (request, reply) => {
    const body = request.body as Partial<MapperCreateBody> | undefined;
    const problem = createBodyProblem(body);
    if (problem) return reply.code(400).send({ message: `sync mapper record create: ${problem}` });
    return reply.send({ sync_mapper_record: mappers.create(body as MapperCreateBody) });
  });

  app.post(ROUTES.mapperUpdate, async (request, reply) => {
    const body = request.body as Partial<MapperUpdateBody> | undefined;
    if (!body || typeof body.id !== 'string' || typeof body.sync_unit !== 'string') {
      return reply.code(400).send({ message: 'sync mapper record update: id and sync_unit are required' });
    }
    const record = mappers.update(body as MapperUpdateBody);
    if (!record) return reply.code(404).send({ message: `no sync mapper record with id ${body.id}` });
    return reply.send({ sync_mapper_record: record });
  });
}

/** Why a create body is unusable, or undefined. */
function createBodyProblem(body: Partial<MapperCreateBody> | undefined): string | undefined {
  if (!body) return 'body required';
  if (typeof body.sync_unit !== 'string') return 'sync_unit must be a string';
  if (!isStringArray(body.external_ids)) return 'external_ids must be an array of strings';
  if (!isStringArray(body.targets)) return 'targets must be an array of strings';
  if (typeof body.status !== 'string') return 'status must be a string';
  return undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
