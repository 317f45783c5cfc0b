/**
 * `{worker_data_url}.get` / `.update` (§4.1), one worker_data_url per direction:
 * `<base>/internal/airdrop.external-worker/extractor` and `.../loader`.
 */
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../identity';
import type { PlatformServices } from '../services';
import { MAX_STATE_BYTES, type StateDirection } from '../worker-data-store';

interface StateQuery {
  sync_unit?: string;
  request_id?: string;
}

export function registerStateRoutes(app: FastifyInstance, services: PlatformServices): void {
  for (const direction of ['extractor', 'loader'] as StateDirection[]) {
    const base = `${ROUTES.workerDataBase}/${direction}`;

    app.get(`${base}.get`, async (request, reply) => {
      const { sync_unit: syncUnit } = request.query as StateQuery;
      if (!syncUnit) return reply.code(400).send({ message: 'query parameter sync_unit is required' });
      const state = services.workerData.get(direction, syncUnit);
      if (state === undefined) {
        return reply.code(404).send({ message: `no ${direction} state for sync unit ${syncUnit}` });
      }
      return reply.send({ state });
    });

    app.post(`${base}.update`, async (request, reply) => {
      const { sync_unit: syncUnit, request_id: requestId } = request.query as StateQuery;
      if (!syncUnit) return reply.code(400).send({ message: 'query parameter sync_unit is required' });
      const state = (request.body as { state?: unknown } | undefined)?.state;
      if (typeof state !== 'string') {
        const message = `${direction} state update for sync unit ${syncUnit}: body must be {"state": "<JSON string>"}`;
        services.invocations.recordViolation(requestId, message);
        return reply.code(400).send({ message });
      }
      const bodyBytes = Number(request.headers['content-length'] ?? Buffer.byteLength(JSON.stringify({ state })));
      if (bodyBytes > MAX_STATE_BYTES) {
        const message =
          `${direction} state update for sync unit ${syncUnit} refused: the body is ${bodyBytes} bytes, ` +
          `above the 1 MB limit (${MAX_STATE_BYTES} bytes); keep the state small`;
        services.invocations.recordViolation(requestId, message);
        return reply.code(413).send({ message });
      }
      try {
        JSON.parse(state);
      } catch (err) {
        const message = `${direction} state update for sync unit ${syncUnit}: state is not valid JSON (${(err as Error).message})`;
        services.invocations.recordViolation(requestId, message);
        return reply.code(400).send({ message });
      }
      services.workerData.set(direction, syncUnit, state);
      return reply.send({});
    });
  }
}
