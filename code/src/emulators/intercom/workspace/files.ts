/**
 * Downloadable files: their specs (type, size, name), signed expiring URLs, and their bytes,
 * generated on demand from the spec (`file-bytes.ts`) so nothing is ever stored.
 *
 * A URL looks like `${fileBaseUrl}/downloads/<key>/<url-encoded name>?expires=<unix>&signature=<hex>`.
 * The key is self-describing (`<type>-<size>-<nonce>-<check>`), so `resolve` needs no lookup table.
 */
import { createHash, createHmac } from 'crypto';
import { generateBytes, MIN_SIZE } from './file-bytes';
import { JPEG_SAMPLE_SIZE } from './samples';
import { Rng, hexId } from '../random';
import type { FileResult } from './types';

export type FileType = 'png' | 'jpeg' | 'pdf' | 'txt' | 'csv' | 'zip';

export const CONTENT_TYPES: Record<FileType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
};

/** How long a signed URL stays valid after its parent object was materialized. */
export const URL_LIFETIME_SECONDS = 3600;

/** Everything needed to name, link and generate one file. */
export interface FileSpec {
  type: FileType;
  size: number;
  name: string;
  /** 16 hex chars; seeds the bytes. */
  nonce: string;
  width?: number;
  height?: number;
}

/** Signs, parses and generates files for one workspace. */
export class FileStore {
  private readonly secret: string;
  private readonly shaCache = new Map<string, string>();

  constructor(seed: number, private readonly baseUrl: string) {
    this.secret = createHash('sha256').update(`intercom-emulator-files:${seed}`).digest('hex');
  }

  /** A spec for a new file; `nonceKey` makes it deterministic. Size is raised to the type's minimum. */
  spec(type: FileType, size: number, name: string, ...nonceKey: Array<string | number>): FileSpec {
    const nonce = hexId(16, 'file', ...nonceKey);
    return withDimensions({ type, size: Math.max(size, MIN_SIZE[type]), name, nonce });
  }

  key(spec: FileSpec): string {
    const body = `${spec.type}-${spec.size}-${spec.nonce}`;
    return `${body}-${this.check(body)}`;
  }

  /** The URL without query: stable, what ground truth reports. */
  plainUrl(spec: FileSpec): string {
    return `${this.baseUrl}/downloads/${this.key(spec)}/${encodeURIComponent(spec.name)}`;
  }

  /** The signed URL as objects carry it, valid until `expires`. */
  signedUrl(spec: FileSpec, expires: number): string {
    return this.signPlainUrl(this.plainUrl(spec), expires);
  }

  /** Appends `expires` and `signature` to a plain URL made by {@link plainUrl}. */
  signPlainUrl(plainUrl: string, expires: number): string {
    const path = plainUrl.slice(this.baseUrl.length);
    return `${plainUrl}?expires=${expires}&signature=${this.signature(path, expires)}`;
  }

  /** The `part_attachment` object for a spec. */
  attachment(spec: FileSpec, expires: number): Record<string, unknown> {
    const out: Record<string, unknown> = {
      type: 'upload',
      name: spec.name,
      url: this.signedUrl(spec, expires),
      content_type: CONTENT_TYPES[spec.type],
      filesize: spec.size,
    };
    if (spec.width !== undefined) {
      out.width = spec.width;
      out.height = spec.height;
    }
    return out;
  }

  /** Serves a request path (with query) at emulated time `now`. */
  resolve(pathWithQuery: string, now: number): FileResult {
    const url = new URL(pathWithQuery, 'http://emulator.invalid');
    const match = /^\/downloads\/([A-Za-z0-9-]+)\/([^/]+)$/.exec(url.pathname);
    if (!match) return { status: 'missing' };
    const spec = this.parseKey(match[1]);
    if (!spec) return { status: 'missing' };
    let name: string;
    try {
      name = decodeURIComponent(match[2]);
    } catch {
      return { status: 'missing' };
    }
    const expires = Number(url.searchParams.get('expires'));
    const signature = url.searchParams.get('signature') ?? '';
    const canonicalPath = `/downloads/${match[1]}/${encodeURIComponent(name)}`;
    if (!Number.isInteger(expires) || signature !== this.signature(canonicalPath, expires)) {
      return { status: 'bad_signature' };
    }
    if (now > expires) return { status: 'expired' };
    spec.name = name;
    return { status: 'ok', bytes: generateBytes(spec), contentType: CONTENT_TYPES[spec.type], name };
  }

  /** The spec behind a file URL of this store (query ignored), or undefined if it is not one. */
  specFromUrl(url: string): FileSpec | undefined {
    if (!url.startsWith(this.baseUrl + '/downloads/')) return undefined;
    const [key, encodedName] = url.slice(this.baseUrl.length + '/downloads/'.length).split('?')[0].split('/');
    const spec = key ? this.parseKey(key) : undefined;
    if (!spec || !encodedName) return undefined;
    try {
      spec.name = decodeURIComponent(encodedName);
    } catch {
      return undefined;
    }
    return spec;
  }

  /** sha256 (hex) of the bytes a spec serves; cached by key. */
  sha256(spec: FileSpec): string {
    const key = this.key(spec);
    let sha = this.shaCache.get(key);
    if (!sha) {
      sha = createHash('sha256').update(generateBytes(spec)).digest('hex');
      this.shaCache.set(key, sha);
    }
    return sha;
  }

  private parseKey(key: string): FileSpec | undefined {
    const m = /^(png|jpeg|pdf|txt|csv|zip)-(\d{1,9})-([0-9a-f]{16})-([0-9a-f]{8})$/.exec(key);
    if (!m || this.check(`${m[1]}-${m[2]}-${m[3]}`) !== m[4]) return undefined;
    const type = m[1] as FileType;
    return withDimensions({ type, size: Number(m[2]), name: '', nonce: m[3] });
  }

  private check(body: string): string {
    return createHmac('sha256', this.secret).update(`key:${body}`).digest('hex').slice(0, 8);
  }

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`url:${path}:${expires}`).digest('hex').slice(0, 40);
  }
}

/**
 * Images state their width and height: a PNG's come from the nonce (so a key alone gives them back),
 * a JPEG's are the sample's it is made from.
 */
function withDimensions(spec: FileSpec): FileSpec {
  if (spec.type === 'png') {
    const r = new Rng('dims', spec.nonce);
    spec.width = r.int(16, 480);
    spec.height = r.int(16, 360);
  }
  if (spec.type === 'jpeg') Object.assign(spec, JPEG_SAMPLE_SIZE);
  return spec;
}
