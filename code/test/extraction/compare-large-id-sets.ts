/**
 * Compares two spilled id sets of many ids in a process of its own (started with a small heap by
 * id-set-memory.test.ts): `node ... compare-large-id-sets.ts <dir> <ids>`. The last listing had
 * `ids` ids; this one lacks three of them. Prints the deletions the comparison reported, as JSON.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeIdSet } from '../../src/extraction/id-set-codec';
import { compareIdSets } from '../../src/extraction/id-set-deletions';
import type { IdSetStore } from '../../src/extraction/id-set-store';
import { initialConnectorState } from '../../src/extraction/state';

const PART = 1_000;
const GONE = [7, 123_456, 299_999];

async function main(): Promise<void> {
  const [dir, count] = [process.argv[2]!, Number(process.argv[3])];
  let saved = 0;
  const store: IdSetStore = {
    save: async (_name, encoded) => {
      const ref = `part-${saved++}`;
      fs.writeFileSync(path.join(dir, ref), encoded);
      return ref;
    },
    load: async (ref) => fs.readFileSync(path.join(dir, ref), 'utf8'),
  };
  const idOf = (n: number) => createHash('sha1').update(String(n)).digest('hex').slice(0, 24);
  const spill = async (skip: number[]) => {
    const parts: string[] = [];
    for (let n = 0; n < count; n += PART) {
      const ids: string[] = [];
      for (let k = n; k < Math.min(count, n + PART); k++) if (!skip.includes(k)) ids.push(idOf(k));
      parts.push(await store.save('companies-seen', encodeIdSet(ids)));
    }
    return { parts, tail: '' };
  };
  const state = initialConnectorState();
  state.idSets.companies = await spill([]);
  await compareIdSets('companies', await spill(GONE), state, store);
  const deleted = state.report.deletions.companies;
  process.stdout.write(`${JSON.stringify({ count: deleted?.count, ids: deleted?.sample.map((s) => s.id).sort() })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
