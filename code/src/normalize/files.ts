/** File name and content type guesses for files known only by URL (inline images, linked files). */

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

/** The last path segment of a URL, percent-decoded; null when there is none. */
export function fileNameFromUrl(url: string): string | null {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    if (!last) return null;
    let name: string;
    try {
      name = decodeURIComponent(last);
    } catch {
      name = last;
    }
    return name.replace(/[\u0000-\u001f/\\]/g, '_') || null;
  } catch {
    return null;
  }
}

/** MIME type from a file name's extension, or undefined when unknown (the streamer then uses the response's). */
export function contentTypeFromName(name: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext ? TYPES[ext] : undefined;
}

/** RFC 9110 `type/subtype` (tokens only; parameters are dropped). */
const MIME_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;

/**
 * A MIME type given by Intercom, reduced to `type/subtype` when it is well-formed, else null (the
 * name's extension or the download's own header decide then). It becomes a multipart header of the
 * upload, so line breaks, quotes and other header syntax never pass.
 */
export function mimeTypeOrNull(value: string | null | undefined): string | null {
  const type = value?.split(';')[0]?.trim() ?? '';
  return MIME_TYPE.test(type) ? type.toLowerCase() : null;
}
