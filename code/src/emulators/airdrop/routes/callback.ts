/** POST callback_url: the one event a connector emits per invocation (§3.1). Recorded, judged later. */
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../identity';
import type { PlatformServices } from '../services';
import type { WireEmittedEvent } from '../wire';

export function registerCallbackRoute(app: FastifyInstance, services: PlatformServices): void {
  app.post(ROUTES.callback, async (request, reply) => {
    const body = request.body as WireEmittedEvent | undefined;
    if (!body || typeof body !== 'object' || typeof body.event_type !== 'string') {
      services.invocations.recordViolation(undefined, 'an emitted event has no event_type');
      return reply.code(400).send({ message: 'event body must be a JSON object with a string event_type' });
    }
    if (!body.event_context || typeof body.event_context !== 'object') {
      services.invocations.recordViolation(undefined, `emitted event ${body.event_type} has no event_context`);
      return reply.code(400).send({ message: 'event_context (the incoming one, echoed) is required' });
    }
    services.invocations.recordEmit(body);
    return reply.code(200).send({});
  });
}
