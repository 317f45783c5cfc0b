/** POST callback_url: the one event a connector emits per invocation (§3.1). Recorded, judged later. */
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../identity';
import { journalReply } from '../reply-journal';
import type { PlatformServices } from '../services';
import type { WireEmittedEvent } from '../wire';

/** Largest event body the platform carries (the SDK's MAX_EVENT_SIZE_BYTES; its queue holds 256 KB). */
export const MAX_EVENT_BYTES = 200_000;

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
    const bytes = Number(request.headers['content-length'] ?? Buffer.byteLength(JSON.stringify(body)));
    if (bytes > MAX_EVENT_BYTES) {
      const message =
        `emitted event ${body.event_type} refused: the body is ${bytes} bytes, above the platform's limit of ` +
        `${MAX_EVENT_BYTES} bytes (${body.event_data?.artifacts?.length ?? 0} artifacts listed); end the invocation earlier`;
      services.invocations.recordViolation(body.event_context.request_id, message);
      return reply.code(413).send({ message });
    }
    // Accepted events are durable, as on DevRev: journaled before the answer.
    if (services.invocations.recordEmit(body)) journalReply(services.layout, String(body.event_context.request_id), body);
    return reply.code(200).send({});
  });
}
