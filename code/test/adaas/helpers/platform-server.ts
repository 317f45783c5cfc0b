import * as http from 'http';
import type { AddressInfo } from 'net';
import { parseMultipart, MultipartPart } from './multipart';

/** A request as the test server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json?: any;
}

/** A file uploaded through the presigned upload URL. */
export interface UploadedFile {
  artifactId: string;
  fields: MultipartPart[];
  file?: MultipartPart;
  contentLength?: string;
}

/** A scripted answer for one method+path (used `times` times, default forever). */
export interface Scripted {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
  /** Drop the connection instead of answering (a network error for the client). */
  destroy?: boolean;
}

type Handler = (req: RecordedRequest, res: http.ServerResponse) => void | Promise<void>;

/**
 * A real HTTP stand-in for the DevRev platform on 127.0.0.1: state store, artifact upload/download,
 * confirm, callback, snap-ins/IDM, sync mapper records, plus extra routes a test registers
 * (e.g. an "external system" serving attachment bytes). Records every request.
 */
export class PlatformServer {
  readonly requests: RecordedRequest[] = [];
  readonly uploads = new Map<string, UploadedFile>();
  /** Stored state string per sync unit (absent = 404). */
  readonly states = new Map<string, string>();
  objects?: string;
  /** Extra characters appended to artifact ids (to make artifacts JSON-heavy). */
  artifactIdPadding = '';
  /** Bytes of file uploads received so far (updated while the body streams in). */
  uploadBytesReceived = 0;
  readonly mapperRecords: { id: string; external_ids: string[]; targets: string[]; status: string }[] = [];
  private readonly scripted = new Map<string, Scripted[]>();
  private readonly extraRoutes = new Map<string, Handler>();
  private readonly downloads = new Map<string, Buffer>();
  private server?: http.Server;
  private nextId = 1;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      // A client that aborts its upload mid-body ends here; that is a test scenario, not a server bug.
      this.handle(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Forget requests, uploads, state and scripts between tests. */
  reset(): void {
    this.requests.length = 0;
    this.uploads.clear();
    this.states.clear();
    this.objects = undefined;
    this.scripted.clear();
    this.extraRoutes.clear();
    this.downloads.clear();
    this.mapperRecords.length = 0;
    this.artifactIdPadding = '';
    this.uploadBytesReceived = 0;
  }

  /** Answer the next request(s) to method+path with this instead of the default behaviour. */
  script(method: string, path: string, answer: Scripted): void {
    const key = `${method} ${path}`;
    this.scripted.set(key, [...(this.scripted.get(key) ?? []), answer]);
  }

  /** Register a custom route (exact path). */
  route(method: string, path: string, handler: Handler): void {
    this.extraRoutes.set(`${method} ${path}`, handler);
  }

  /** Make an artifact downloadable (bytes served as stored). */
  putArtifact(artifactId: string, bytes: Buffer): void {
    this.downloads.set(artifactId, bytes);
  }

  /** Requests to one method+path. */
  find(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  /** The callback POSTs (the emitted events). */
  callbacks(): RecordedRequest[] {
    return this.find('POST', '/callback_url');
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const isUpload = req.method === 'POST' && url.pathname.startsWith('/file-upload-url/');
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
      if (isUpload) this.uploadBytesReceived += (chunk as Buffer).length;
    }
    const body = Buffer.concat(chunks);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      headers: req.headers,
      body,
    };
    if ((req.headers['content-type'] ?? '').includes('application/json') && body.length > 0) {
      recorded.json = JSON.parse(body.toString('utf8'));
    }
    this.requests.push(recorded);

    const key = `${recorded.method} ${recorded.path}`;
    const queue = this.scripted.get(key);
    if (queue && queue.length > 0) {
      const answer = queue[0];
      if (answer.times !== undefined && --answer.times <= 0) queue.shift();
      if (answer.destroy) return void req.socket.destroy();
      return this.send(res, answer.status, answer.body ?? {}, answer.headers);
    }
    const extra = this.extraRoutes.get(key);
    if (extra) return extra(recorded, res);
    return this.defaultRoute(recorded, res);
  }

  private send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (Buffer.isBuffer(body)) {
      res.writeHead(status, { 'content-type': 'application/octet-stream', ...headers });
      res.end(body);
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private defaultRoute(r: RecordedRequest, res: http.ServerResponse): void {
    const p = r.path;
    if (r.method === 'GET' && p === '/worker_data_url.get') {
      const state = this.states.get(r.query.sync_unit);
      if (state === undefined) return this.send(res, 404, { message: 'not found' });
      return this.send(res, 200, { state, ...(this.objects ? { objects: this.objects } : {}) });
    }
    if (r.method === 'POST' && p === '/worker_data_url.update') {
      this.states.set(r.query.sync_unit, r.json.state);
      return this.send(res, 200, { success: true });
    }
    if (r.method === 'GET' && p === '/internal/snap-ins.get') {
      return this.send(res, 200, { snap_in: { imports: [{ name: 'test_import_slug' }], snap_in_version: { slug: 'test_snap_in_slug' } } });
    }
    if (r.method === 'GET' && p === '/internal/airdrop.artifacts.upload-url') {
      const id = `artifact-${this.nextId++}${this.artifactIdPadding}`;
      return this.send(res, 200, { upload_url: `${this.baseUrl}/file-upload-url/${encodeURIComponent(id)}`, artifact_id: id, form_data: [] });
    }
    if (r.method === 'POST' && p.startsWith('/file-upload-url/')) {
      const artifactId = decodeURIComponent(p.slice('/file-upload-url/'.length));
      const fields = parseMultipart(r.body, String(r.headers['content-type']));
      const file = fields.find((f) => f.name === 'file');
      this.uploads.set(artifactId, { artifactId, fields, file, contentLength: r.headers['content-length'] });
      if (file) this.downloads.set(artifactId, file.data);
      return this.send(res, 204, '');
    }
    if (r.method === 'GET' && p === '/internal/airdrop.artifacts.download-url') {
      return this.send(res, 200, { download_url: `${this.baseUrl}/download/${encodeURIComponent(r.query.artifact_id)}` });
    }
    if (r.method === 'GET' && p.startsWith('/download/')) {
      const bytes = this.downloads.get(decodeURIComponent(p.slice('/download/'.length)));
      return bytes ? this.send(res, 200, bytes) : this.send(res, 404, { message: 'no such artifact' });
    }
    if (r.method === 'GET' && p === '/internal/airdrop.sync-mapper-record.get-by-target') {
      const record = this.mapperRecords.find((m) => m.targets.includes(r.query.target));
      return record ? this.send(res, 200, { sync_mapper_record: record }) : this.send(res, 404, { message: 'not found' });
    }
    if (r.method === 'POST' && p === '/internal/airdrop.sync-mapper-record.create') {
      const record = { id: `smr-${this.nextId++}`, external_ids: r.json.external_ids, targets: r.json.targets, status: r.json.status };
      this.mapperRecords.push(record);
      return this.send(res, 200, { sync_mapper_record: record });
    }
    return this.send(res, 200, { success: true });
  }
}

/**
 * A PlatformServer for the whole test file: started before all tests, reset before each (holding
 * `storedState` as sync unit 1's state when given), stopped after all.
 */
export function usePlatformServer(storedState?: object): PlatformServer {
  const server = new PlatformServer();
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(() => {
    server.reset();
    if (storedState) server.states.set('1', JSON.stringify(storedState));
  });
  return server;
}
