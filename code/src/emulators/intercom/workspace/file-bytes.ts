/**
 * The bytes of a generated file: exactly `spec.size` bytes that open as a file of `spec.type`
 * (decodable PNG, JFIF, one-page PDF, stored zip, text, CSV), the same for the same spec.
 */
import { createCipheriv, createHash } from 'crypto';
import { crc32, deflateSync } from 'zlib';
import type { FileSpec } from './files';
import { Rng } from '../random';

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
  // The fields the local and the central header share: version needed 1.0, no flags, stored, no date, crc, sizes, name length.
  const entry = Buffer.alloc(26);
  entry.writeUInt16LE(10, 0);
  entry.writeUInt32LE(crc32(data) >>> 0, 10);
  entry.writeUInt32LE(dataLength, 14);
  entry.writeUInt32LE(dataLength, 18);
  entry.writeUInt16LE(entryName.length, 22);
  const local = Buffer.concat([uint32LE(0x04034b50), entry]);
  // Central header: made by version 2.0, the shared fields, then comment, disk, attributes and the local header's offset (0).
  const central = Buffer.concat([uint32LE(0x02014b50), Buffer.from([20, 0]), entry, Buffer.alloc(14)]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + entryName.length, 12);
  end.writeUInt32LE(local.length + entryName.length + dataLength, 16);
  return Buffer.concat([local, entryName, data, central, entryName, end]);
}

function uint32LE(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value, 0);
  return b;
}
