import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';

/**
 * Signed file URLs (attachments, inline images, linked files), served under the workspace's
 * `fileBaseUrl` like a CDN: no bearer token, no rate limit; 403 once the URL has expired.
 */
export function registerFileRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/downloads/*', { config: { public: true, download: true } }, async (req, reply) => {
    const result = ctx.workspace.file(req.url, ctx.workspace.now());
    if (result.status === 'ok') {
      return reply
        .type(result.contentType)
        .header('content-length', String(result.bytes.length))
        .header('content-disposition', contentDisposition(result.name))
        .send(result.bytes);
    }
    const status = result.status === 'missing' ? 404 : 403;
    const message = result.status === 'expired' ? 'Request has expired' : result.status === 'bad_signature' ? 'Signature does not match' : 'Not Found';
    // A CDN answers in XML/text, not Intercom's error.list.
    return reply.code(status).type('text/plain; charset=utf-8').send(`${status} ${message}\n`);
  });
}

/**
 * `inline` with an ASCII fallback name and the real one in RFC 5987 form: a raw non-ASCII header
 * value makes Node refuse to write the response, which then hangs the download.
 */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
