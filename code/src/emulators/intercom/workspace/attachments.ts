/** Choosing files for parts, sources and articles: types, sizes and nasty names. */
import type { Context } from './context';
import type { FileSpec, FileType } from './files';
import type { Rng } from '../random';

const KB = 1024;
const MB = 1024 * KB;

const NAMES: Record<FileType, string[]> = {
  png: ['screenshot.png', 'Screen Shot 2024-03-01 at 10.15.32.png', 'error (1).png', 'schermata_ünïcode.png'],
  jpeg: ['photo.jpg', 'IMG_2031.JPG', 'receipt scan.jpeg', '写真.jpg'],
  pdf: ['invoice-2024-0042.pdf', 'Contract – final v2 (signed).pdf', 'résumé.pdf', 'report#3%.pdf'],
  txt: ['notes.txt', 'log output.txt', 'a.txt', "it's done.txt"],
  csv: ['export.csv', 'orders 2024 Q1.csv', 'users;list.csv'],
  zip: ['logs.zip', 'archive (final).zip', 'bundle+extra.zip'],
};

/** A file of random type and size. `key` makes it deterministic and unique. */
export function randomFile(ctx: Context, r: Rng, ...key: Array<string | number>): FileSpec {
  const type = r.weighted<FileType>([['png', 30], ['jpeg', 20], ['pdf', 20], ['txt', 12], ['csv', 8], ['zip', 10]]);
  const band = r.weighted<string>([['tiny', 8], ['small', 55], ['medium', 30], ['large', 7]]);
  let size: number;
  if (band === 'tiny') size = r.int(3, 400);
  else if (band === 'small') size = r.int(KB, 60 * KB);
  else if (band === 'medium') size = r.int(60 * KB, 600 * KB);
  else size = r.int(1 * MB, 4 * MB);
  return ctx.files.spec(type, size, r.pick(NAMES[type]), ...key);
}

/** An image for an inline `<img>`. */
export function randomImage(ctx: Context, r: Rng, ...key: Array<string | number>): FileSpec {
  const type = r.chance(0.6) ? 'png' : 'jpeg';
  return ctx.files.spec(type, r.int(4 * KB, 200 * KB), r.pick(NAMES[type]), ...key);
}

/** A fixed file, for edge cases that must exist (e.g. a 3-byte text file, a 3 MB zip). */
export function fixedFile(ctx: Context, type: FileType, size: number, name: string, ...key: Array<string | number>): FileSpec {
  return ctx.files.spec(type, size, name, ...key);
}

/** The marker appended to unsigned file URLs inside generated objects; replaced when handed out. */
export const SIGN_MARKER = '?x-emulator-sign';

/** The URL to embed in an object that is signed when the object is handed out. */
export function embeddableUrl(ctx: Context, spec: FileSpec): string {
  return ctx.files.plainUrl(spec) + SIGN_MARKER;
}

/** The `part_attachment` object (with a to-be-signed URL). */
export function attachmentObject(ctx: Context, spec: FileSpec): Record<string, unknown> {
  const out = ctx.files.attachment(spec, 0);
  out.url = embeddableUrl(ctx, spec);
  return out;
}

/**
 * Returns a deep copy of `value` with every marked file URL signed to expire at `expires`.
 * (Also how handed-out objects become independent copies.)
 */
export function signAll<T>(ctx: Context, value: T, expires: number): T {
  const json = JSON.stringify(value);
  const base = ctx.fileBaseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${base}(/downloads/[A-Za-z0-9-]+/[^"?\\s\\\\<>]+)\\?x-emulator-sign`, 'g');
  const signed = json.replace(pattern, (_m, path: string) => ctx.files.signPlainUrl(ctx.fileBaseUrl + path, expires));
  return JSON.parse(signed) as T;
}
