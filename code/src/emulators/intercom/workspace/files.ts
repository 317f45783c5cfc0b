/**
 * Downloadable files: their specs (type, size, name), signed expiring URLs, and their bytes,
 * generated on demand from the spec so nothing is ever stored.
 *
 * A URL looks like `${fileBaseUrl}/downloads/<key>/<url-encoded name>?expires=<unix>&signature=<hex>`.
 * The key is self-describing (`<type>-<size>-<nonce>-<check>`), so `resolve` needs no lookup table.
 */
import { createCipheriv, createHash, createHmac } from 'crypto';
import { crc32, deflateSync } from 'zlib';
import { Rng, hexId } from './random';
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

/** Smallest size each type can be generated at (headers and trailers; text files may be empty). */
const MIN_SIZE: Record<FileType, number> = { png: 4096, jpeg: 64, pdf: 512, txt: 0, csv: 0, zip: 256 };

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
    const spec: FileSpec = { type, size: Math.max(size, MIN_SIZE[type]), name, nonce };
    if (type === 'png' || type === 'jpeg') {
      const r = new Rng('dims', nonce);
      spec.width = r.int(16, 480);
      spec.height = r.int(16, 360);
    }
    return spec;
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
    const spec: FileSpec = { type, size: Number(m[2]), name: '', nonce: m[3] };
    if (type === 'png' || type === 'jpeg') {
      const r = new Rng('dims', spec.nonce);
      spec.width = r.int(16, 480);
      spec.height = r.int(16, 360);
    }
    return spec;
  }

  private check(body: string): string {
    return createHmac('sha256', this.secret).update(`key:${body}`).digest('hex').slice(0, 8);
  }

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`url:${path}:${expires}`).digest('hex').slice(0, 40);
  }
}

/** Generates exactly `spec.size` bytes that start like a real file of `spec.type`. */
export function generateBytes(spec: FileSpec): Buffer {
  switch (spec.type) {
    case 'png':
      return png(spec);
    case 'jpeg':
      return jpeg(spec);
    case 'pdf':
      return pdf(spec);
    case 'zip':
      return zip(spec);
    case 'csv':
      return text(spec, 'id,name,amount,note\n', (r, i) => `${i},item ${r.int(1, 99999)},${(r.next() * 1000).toFixed(2)},"a, ""quoted"" note"\n`);
    case 'txt':
      return text(spec, '', (r) => `${WORDS[r.int(0, WORDS.length - 1)]}${r.chance(0.1) ? '.\n' : ' '}`);
  }
}

const WORDS = ['lorem', 'ipsum', 'invoice', 'order', 'refund', 'login', 'error', 'export', 'report', 'customer', 'ticket', 'retry'];

/** Text made of generated lines; beyond 64 KiB a generated block repeats with a line counter. */
function text(spec: FileSpec, header: string, line: (r: Rng, i: number) => string): Buffer {
  const r = new Rng('bytes', spec.nonce);
  const parts: string[] = [header];
  let length = header.length;
  const blockLimit = Math.min(spec.size, 64 * 1024);
  let i = 1;
  for (; length < blockLimit; i++) {
    const next = line(r, i);
    parts.push(next);
    length += next.length;
  }
  let out = parts.join('');
  if (out.length < spec.size) {
    const block = out.slice(header.length);
    const chunks = [out];
    for (let copy = 1; length < spec.size; copy++) {
      const chunk = `\n${copy}\n${block}`;
      chunks.push(chunk);
      length += chunk.length;
    }
    out = chunks.join('');
  }
  return Buffer.from(out, 'ascii').subarray(0, spec.size);
}

/** Deterministic pseudo-random bytes (AES-128-CTR keystream keyed by the nonce: fast for megabytes). */
function noise(length: number, nonce: string): Buffer {
  const key = createHash('sha256').update(`noise:${nonce}`).digest();
  const cipher = createCipheriv('aes-128-ctr', key.subarray(0, 16), key.subarray(16, 32));
  return cipher.update(Buffer.alloc(length));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A decodable PNG (solid colour) padded to the exact size with a `tEXt` chunk. */
function png(spec: FileSpec): Buffer {
  const width = spec.width ?? 16;
  const height = spec.height ?? 16;
  const r = new Rng('png', spec.nonce);
  const rgb = [r.int(0, 255), r.int(0, 255), r.int(0, 255)];
  const rowLength = 1 + width * 3;
  const raw = Buffer.alloc(rowLength * height);
  for (let x = 0; x < width; x++) raw.set(rgb, 1 + x * 3);
  for (let y = 1; y < height; y++) raw.copy(raw, y * rowLength, 0, rowLength);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const head = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 1 })),
  ]);
  const end = pngChunk('IEND', Buffer.alloc(0));
  const padLength = spec.size - head.length - end.length - 12;
  if (padLength < 8) return Buffer.concat([head, end]).subarray(0, spec.size); // unreachable with MIN_SIZE
  const pad = Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.from(noise(padLength - 8, spec.nonce).toString('hex').slice(0, padLength - 8), 'latin1')]);
  return Buffer.concat([head, pngChunk('tEXt', pad), end]);
}

/** JFIF header, comment segments of noise to reach the size, end-of-image marker. */
function jpeg(spec: FileSpec): Buffer {
  const soiApp0 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]);
  const eoi = Buffer.from([0xff, 0xd9]);
  let remaining = spec.size - soiApp0.length - eoi.length;
  const segments: Buffer[] = [];
  const body = noise(remaining, spec.nonce);
  let offset = 0;
  while (remaining > 0) {
    const payload = Math.min(65533, remaining - 4);
    if (payload < 0) {
      segments.push(Buffer.alloc(remaining, 0xff)); // fill bytes are legal between markers
      break;
    }
    const head = Buffer.from([0xff, 0xfe, 0, 0]);
    head.writeUInt16BE(payload + 2, 2);
    segments.push(head, body.subarray(offset, offset + payload));
    offset += payload;
    remaining -= payload + 4;
  }
  return Buffer.concat([soiApp0, ...segments, eoi]);
}

/** A one-page PDF padded with comment lines before the trailer. */
function pdf(spec: FileSpec): Buffer {
  const head = '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>> endobj\n';
  const tail = 'trailer <</Root 1 0 R>>\n%%EOF\n';
  const padLength = spec.size - head.length - tail.length;
  const hex = noise(Math.ceil(padLength / 2), spec.nonce).toString('hex');
  const lines: string[] = [];
  for (let i = 0, left = padLength; left > 0; i++) {
    const lineLength = Math.min(left, 80);
    lines.push(lineLength === 1 ? '\n' : `%${hex.slice(i * 78, i * 78 + lineLength - 2).padEnd(lineLength - 2, '0')}\n`);
    left -= lineLength;
  }
  return Buffer.from(head + lines.join('') + tail, 'latin1');
}

/** A valid zip archive with one stored (uncompressed) entry sized to hit the total exactly. */
function zip(spec: FileSpec): Buffer {
  const entryName = Buffer.from('data.bin');
  const dataLength = spec.size - (30 + entryName.length) - (46 + entryName.length) - 22;
  const data = noise(dataLength, spec.nonce);
  const crc = crc32(data) >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(dataLength, 18);
  local.writeUInt32LE(dataLength, 22);
  local.writeUInt16LE(entryName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(dataLength, 20);
  central.writeUInt32LE(dataLength, 24);
  central.writeUInt16LE(entryName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + entryName.length, 12);
  end.writeUInt32LE(30 + entryName.length + dataLength, 16);
  return Buffer.concat([local, entryName, data, central, entryName, end]);
}
