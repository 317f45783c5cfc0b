/**
 * The bytes of a generated file: exactly `spec.size` bytes that open as a file of `spec.type`
 * (decodable PNG and JPEG, one-page PDF, stored zip, text, CSV), the same for the same spec.
 *
 * Each file is a small fixed part (the samples in `samples.ts`, or a PNG's header, which states the
 * file's own width and height) padded to its size where the format allows it: a PNG text chunk, JPEG
 * comment segments, PDF comment lines, a zip's one stored entry, text lines. The padding is one of a
 * few 64 KiB filler blocks made once, read round and round from a line the file's nonce picks, so
 * serving a file costs about a copy of its bytes.
 */
import { crc32, deflateSync } from 'zlib';
import type { FileSpec, FileType } from './files';
import { Rng } from '../random';
import { JPEG_SAMPLE, PDF_SAMPLE } from './samples';

/** Smallest size each type can be generated at (samples and headers; text files may be empty). */
export const MIN_SIZE: Record<FileType, number> = { png: 4096, jpeg: JPEG_SAMPLE.length, pdf: PDF_SAMPLE.length, txt: 0, csv: 0, zip: 256 };

/** Generates exactly `spec.size` bytes that are a real file of `spec.type`. */
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
      return text(spec, 'id,name,amount,note\n', FILLERS.csv);
    case 'txt':
      return text(spec, '', FILLERS.words);
  }
}

/** A block of filler and the offsets a file may start reading it from (line starts, for text). */
interface Filler {
  block: Buffer;
  starts: number[];
}

const BLOCK_SIZE = 64 * 1024;
const WORDS = ['lorem', 'ipsum', 'invoice', 'order', 'refund', 'login', 'error', 'export', 'report', 'customer', 'ticket', 'retry'];

function lineFiller(name: string, line: (r: Rng, i: number) => string): Filler {
  const r = new Rng('filler', name);
  const parts: string[] = [];
  const starts: number[] = [];
  for (let length = 0, i = 1; length < BLOCK_SIZE; i++) {
    starts.push(length);
    const next = line(r, i);
    parts.push(next);
    length += next.length;
  }
  return { block: Buffer.from(parts.join(''), 'latin1'), starts };
}

function sentence(r: Rng): string {
  return Array.from({ length: r.int(4, 14) }, () => WORDS[r.int(0, WORDS.length - 1)]).join(' ');
}

const FILLERS = {
  words: lineFiller('words', (r) => `${sentence(r)}.\n`),
  /** Lines that are PDF comments. */
  comments: lineFiller('comments', (r) => `% ${sentence(r)}\n`),
  csv: lineFiller('csv', (r, i) => `${i},item ${r.int(1, 99999)},${(r.next() * 1000).toFixed(2)},"a, ""quoted"" note"\n`),
  binary: ((): Filler => {
    const r = new Rng('filler', 'binary');
    const block = Buffer.from(Array.from({ length: BLOCK_SIZE }, () => r.int(0, 255)));
    return { block, starts: Array.from({ length: BLOCK_SIZE / 16 }, (_, i) => i * 16) };
  })(),
};

/** Writes filler into `out[from, to)`: the block from the start the nonce picks, then round again from 0. */
function fill(out: Buffer, from: number, to: number, filler: Filler, nonce: string): void {
  let source = filler.starts[parseInt(nonce.slice(0, 8), 16) % filler.starts.length];
  for (let at = from; at < to; source = 0) {
    at += filler.block.copy(out, at, source, Math.min(filler.block.length, source + (to - at)));
  }
}

/** A header (cut to the size) and text lines. */
function text(spec: FileSpec, header: string, filler: Filler): Buffer {
  const out = Buffer.allocUnsafe(spec.size);
  const written = out.write(header, 0, 'latin1');
  fill(out, written, spec.size, filler, spec.nonce);
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'ascii');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return chunk;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = pngChunk('IEND', Buffer.alloc(0));
const PNG_TEXT_KEYWORD = Buffer.from('Comment\0', 'latin1');

/** A decodable PNG of the spec's width and height (one colour), padded with a `tEXt` chunk before `IEND`. */
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
  const head = Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 1 }))]);
  // MIN_SIZE leaves room for the text chunk: the largest image's header is about 3.2 KB.
  const textLength = spec.size - head.length - 12 - PNG_END.length;
  const out = Buffer.allocUnsafe(spec.size);
  head.copy(out);
  let at = head.length;
  out.writeUInt32BE(textLength, at);
  out.write('tEXt', at + 4, 'ascii');
  PNG_TEXT_KEYWORD.copy(out, at + 8);
  fill(out, at + 8 + PNG_TEXT_KEYWORD.length, at + 8 + textLength, FILLERS.words, spec.nonce);
  out.writeUInt32BE(crc32(out.subarray(at + 4, at + 8 + textLength)) >>> 0, at + 8 + textLength);
  at += 12 + textLength;
  PNG_END.copy(out, at);
  return out;
}

/** Where the sample JPEG's JFIF segment ends: comment segments go right after it. */
const JPEG_APP0_END = 4 + JPEG_SAMPLE.readUInt16BE(4);

/** The sample JPEG with comment segments after its JFIF segment to reach the size. */
function jpeg(spec: FileSpec): Buffer {
  const out = Buffer.allocUnsafe(spec.size);
  JPEG_SAMPLE.copy(out, 0, 0, JPEG_APP0_END);
  const end = spec.size - (JPEG_SAMPLE.length - JPEG_APP0_END);
  let at = JPEG_APP0_END;
  while (end - at >= 4) {
    const payload = Math.min(65533, end - at - 4);
    out.writeUInt16BE(0xfffe, at);
    out.writeUInt16BE(payload + 2, at + 2);
    fill(out, at + 4, at + 4 + payload, FILLERS.words, spec.nonce);
    at += 4 + payload;
  }
  out.fill(0xff, at, end); // fill bytes are legal before a marker
  JPEG_SAMPLE.copy(out, end, JPEG_APP0_END);
  return out;
}

/** Where the sample PDF's `startxref` line begins: comment lines go right before it. */
const PDF_PAD_AT = PDF_SAMPLE.lastIndexOf('startxref');

/** The sample PDF with comment lines between its trailer and `startxref` to reach the size. */
function pdf(spec: FileSpec): Buffer {
  const out = Buffer.allocUnsafe(spec.size);
  out.write(PDF_SAMPLE.slice(0, PDF_PAD_AT), 0, 'latin1');
  const padEnd = spec.size - (PDF_SAMPLE.length - PDF_PAD_AT);
  if (padEnd > PDF_PAD_AT) {
    fill(out, PDF_PAD_AT, padEnd, FILLERS.comments, spec.nonce);
    out[padEnd - 1] = 0x0a; // a comment cut short still ends its line
  }
  out.write(PDF_SAMPLE.slice(PDF_PAD_AT), padEnd, 'latin1');
  return out;
}

/** A valid zip archive with one stored (uncompressed) entry sized to hit the total exactly. */
function zip(spec: FileSpec): Buffer {
  const name = Buffer.from('data.bin');
  const localLength = 30 + name.length;
  const dataLength = spec.size - localLength - (46 + name.length) - 22;
  const out = Buffer.alloc(spec.size);
  fill(out, localLength, localLength + dataLength, FILLERS.binary, spec.nonce);
  // The fields the local and the central header share: version needed 1.0, no flags, stored, no date, crc, sizes, name length.
  const shared = Buffer.alloc(26);
  shared.writeUInt16LE(10, 0);
  shared.writeUInt32LE(crc32(out.subarray(localLength, localLength + dataLength)) >>> 0, 10);
  shared.writeUInt32LE(dataLength, 14);
  shared.writeUInt32LE(dataLength, 18);
  shared.writeUInt16LE(name.length, 22);
  out.writeUInt32LE(0x04034b50, 0);
  shared.copy(out, 4);
  name.copy(out, 30);
  // Central header: made by version 2.0, the shared fields, then comment, disk, attributes and the local header's offset (0).
  let at = localLength + dataLength;
  const centralAt = at;
  out.writeUInt32LE(0x02014b50, at);
  out.writeUInt16LE(20, at + 4);
  shared.copy(out, at + 6);
  name.copy(out, at + 46);
  at += 46 + name.length;
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(1, at + 8);
  out.writeUInt16LE(1, at + 10);
  out.writeUInt32LE(at - centralAt, at + 12);
  out.writeUInt32LE(centralAt, at + 16);
  return out;
}
