/**
 * A download handed straight to the upload, without a spool (attachment-stream.ts): only for an
 * answer whose length is exact (stored bytes, `Content-Length` declared and checked as they arrive).
 */
import { Readable } from 'node:stream';

/**
 * The body as the official SDK's upload can measure it: it appends the stream to a `form-data` form
 * without a length, and form-data takes the length of a stream that looks like an HTTP response
 * (`httpVersion`) from its `headers['content-length']` (and the part's type from its `content-type`);
 * without one the upload goes chunked, which the platform refuses. `name` names the form's file part
 * (form-data would otherwise look for the request of a real response).
 */
export function measurable(data: Readable, headers: { 'content-length': string; 'content-type'?: string }): Readable {
  return Object.assign(errorsWhenRead(data), { httpVersion: '1.1', headers, name: 'attachment' });
}

/**
 * The bytes of `source`, whose failure reaches whoever reads them. A download cut off while the
 * platform layer is still asking for its upload URL fails before anyone reads it; an error emitted
 * then is lost (form-data, the upload's body, hooks the stream's events only when the stream is
 * appended, and replays them when it sends it), and the upload would wait for bytes that never come.
 * So a failure is raised only once a reader is attached ('data' or 'readable'), at once if one is.
 */
function errorsWhenRead(source: Readable): Readable {
  let failure: Error | undefined;
  const out = new Readable({
    read() {
      source.resume();
    },
    destroy(error, done) {
      source.destroy();
      done(error);
    },
  });
  const hasReader = () => out.listenerCount('data') > 0 || out.listenerCount('readable') > 0;
  out.on('newListener', (event) => {
    if (failure && (event === 'data' || event === 'readable')) process.nextTick(() => out.destroy(failure));
  });
  source.on('data', (chunk: Buffer) => {
    if (!out.push(chunk)) source.pause();
  });
  source.once('end', () => out.push(null));
  source.once('error', (error) => {
    failure = error;
    if (hasReader()) out.destroy(error);
  });
  // The failure is recorded by the stream function; a reader that stopped listening must not crash the worker.
  out.on('error', () => {});
  return out;
}
