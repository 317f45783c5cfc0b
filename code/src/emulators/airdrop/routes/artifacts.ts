/**
 * Artifact endpoints (§5.2): upload-url → presigned multipart POST → confirm-upload, and
 * download-url → presigned GET. Uploaded bytes are streamed to `artifacts/<id>` as received.
 */
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../identity';
import { signArtifactUrl, verifyArtifactUrl, type PlatformServices } from '../services';

interface UploadUrlQuery {
  request_id?: string;
  file_type?: string;
  file_name?: string;
  file_size?: string;
}

export function registerArtifactRoutes(app: FastifyInstance, services: PlatformServices): void {
  const { artifacts } = services;

  app.get(ROUTES.uploadUrl, async (request, reply) => {
    const q = request.query as UploadUrlQuery;
    if (!q.file_name) return reply.code(400).send({ message: 'query parameter file_name is required' });
    let declaredSize: number | undefined;
    if (q.file_size !== undefined) {
      declaredSize = Number(q.file_size);
      if (!Number.isInteger(declaredSize) || declaredSize <= 0) {
        return reply.code(400).send({ message: `file_size must be a positive integer, got ${q.file_size}` });
      }
    }
    const record = artifacts.prepare({
      fileName: q.file_name,
      fileType: q.file_type || 'application/octet-stream',
      declaredSize,
      requestId: q.request_id ?? '',
    });
    const signature = signArtifactUrl(services, 'upload', record.id);
    return reply.send({
      upload_url: `${services.baseUrl()}${ROUTES.artifactUpload}/${record.id}?signature=${signature}`,
      artifact_id: record.id,
      form_data: [],
    });
  });

  app.post(`${ROUTES.artifactUpload}/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!verifyArtifactUrl(services, 'upload', id, (request.query as { signature?: string }).signature)) {
      return reply.code(403).send({ message: `bad or missing signature for the upload of artifact ${id}` });
    }
    const record = artifacts.get(id);
    if (!record) return reply.code(404).send({ message: `unknown artifact ${id}` });
    if (!request.isMultipart()) return reply.code(400).send({ message: 'upload must be multipart/form-data' });
    // Presigned uploads (S3 POST) need the exact length up front: no chunked bodies, no wrong lengths.
    const refuse = (status: number, cause: string) => {
      const message = `upload of artifact ${id} (${record.fileName}) refused: ${cause}`;
      services.invocations.recordViolation(record.requestId || undefined, message);
      return reply.code(status).send({ message });
    };
    const declaredLength = request.headers['content-length'];
    if (declaredLength === undefined) {
      request.raw.resume();
      return refuse(411, 'the request has no Content-Length (sent chunked); send the exact byte length of the body');
    }
    let fileBytes: number | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue; // extra form fields are accepted and ignored
        if (part.fieldname === 'file' && fileBytes === undefined) {
          fileBytes = await artifacts.receive(id, part.file);
        } else {
          part.file.resume();
        }
      }
    } catch (err) {
      // A client that went away (a worker ended at its timeout) only leaves an upload that never completed.
      if (request.raw.destroyed || /aborted/i.test((err as Error).message)) return reply.code(400).send({ message: `upload of artifact ${id} was aborted` });
      return refuse(400, `the body does not match its Content-Length of ${declaredLength} bytes (${(err as Error).message})`);
    }
    if (fileBytes === undefined) return reply.code(400).send({ message: `upload of artifact ${id} has no "file" part` });
    if (record.declaredSize !== undefined && record.declaredSize !== fileBytes) {
      return refuse(400, `the file is ${fileBytes} bytes but its upload-url declared file_size ${record.declaredSize}`);
    }
    return reply.code(204).send();
  });

  app.post(ROUTES.confirmUpload, async (request, reply) => {
    const body = request.body as { artifact_id?: unknown } | undefined;
    const id = body?.artifact_id;
    if (typeof id !== 'string') return reply.code(400).send({ message: 'artifact_id is required' });
    if (!(await artifacts.confirm(id))) return reply.code(404).send({ message: `artifact ${id} was not uploaded` });
    return reply.send({});
  });

  app.get(ROUTES.downloadUrl, async (request, reply) => {
    const { artifact_id: id } = request.query as { artifact_id?: string };
    if (!id) return reply.code(400).send({ message: 'query parameter artifact_id is required' });
    if (!artifacts.exists(id)) return reply.code(404).send({ message: `no artifact ${id}` });
    const signature = signArtifactUrl(services, 'download', id);
    return reply.send({ download_url: `${services.baseUrl()}${ROUTES.artifactDownload}/${id}?signature=${signature}` });
  });

  app.get(`${ROUTES.artifactDownload}/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!verifyArtifactUrl(services, 'download', id, (request.query as { signature?: string }).signature)) {
      return reply.code(403).send({ message: `bad or missing signature for the download of artifact ${id}` });
    }
    if (!artifacts.exists(id)) return reply.code(404).send({ message: `no artifact ${id}` });
    const type = artifacts.get(id)?.fileType ?? 'application/octet-stream';
    return reply.header('content-type', type).send(artifacts.openRead(id));
  });
}
