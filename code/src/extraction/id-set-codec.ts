/**
 * Id sets for deletion detection, compact enough for the connector state at any workspace size.
 * The ids are sorted and front-coded (each id as the length of the prefix it shares with the one
 * before, in base 36, and the rest: sorted ids share long prefixes, decimal ones and ObjectIds alike),
 * then deflated and written in base64. A set of 50,000 ObjectIds takes a few hundred KB of state
 * at most; decimal ids far less.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Encodes a set of ids (duplicates are dropped). Ids must not contain a newline. */
export function encodeIdSet(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort();
  const lines: string[] = [];
  let previous = '';
  for (const id of sorted) {
    if (id.includes('\n')) throw new Error(`id ${JSON.stringify(id)} contains a newline`);
    let shared = 0;
    while (shared < previous.length && shared < id.length && previous[shared] === id[shared]) shared++;
    lines.push(`${shared.toString(36)} ${id.slice(shared)}`);
    previous = id;
  }
  return deflateRawSync(Buffer.from(lines.join('\n'), 'utf8'), { level: 9 }).toString('base64');
}

/** The ids of an encoded set, sorted. A malformed encoding is an error naming the problem. */
export function decodeIdSet(encoded: string): string[] {
  if (encoded === '') return [];
  const text = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  if (text === '') return [];
  const ids: string[] = [];
  let previous = '';
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    const shared = space > 0 ? parseInt(line.slice(0, space), 36) : NaN;
    if (!Number.isInteger(shared) || shared > previous.length) throw new Error(`malformed id set entry ${JSON.stringify(line.slice(0, 40))}`);
    previous = previous.slice(0, shared) + line.slice(space + 1);
    ids.push(previous);
  }
  return ids;
}
