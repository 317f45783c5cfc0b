import { gunzipSync, gzipSync } from 'zlib';

/** One JSON object per line; a single non-array object becomes one line. */
export function toJsonl(objects: object | object[]): string {
  const list = Array.isArray(objects) ? objects : [objects];
  return list.map((o) => JSON.stringify(o)).join('\n');
}

/** Gzipped JSONL, the format of extractor artifacts. */
export function gzipJsonl(objects: object | object[]): Buffer {
  return gzipSync(Buffer.from(toJsonl(objects), 'utf8'));
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Parses JSONL (gzipped or plain) into objects; names the line that is not JSON. */
export function parseJsonl<T>(bytes: Buffer, what: string): T[] {
  const text = (isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8');
  const out: T[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as T);
    } catch (e) {
      throw new Error(`${what}: line ${index + 1} is not valid JSON (${(e as Error).message})`);
    }
  });
  return out;
}
