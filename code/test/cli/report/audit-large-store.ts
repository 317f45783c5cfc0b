/**
 * Audits a store of many parts in a process of its own (started with a small heap by
 * audit-memory.test.ts): `node ... audit-large-store.ts <dir> <parts>`; prints the audit's counts as JSON.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditStore } from '../../../src/cli/report/audit';

async function main(): Promise<void> {
  const [dir, parts] = [process.argv[2]!, Number(process.argv[3])];
  fs.mkdirSync(path.join(dir, 'items'), { recursive: true });
  const out = fs.openSync(path.join(dir, 'items', 'conversation_parts.jsonl'), 'w');
  for (let n = 0; n < parts; n += 10_000) {
    const lines: string[] = [];
    for (let k = n; k < Math.min(parts, n + 10_000); k++) {
      lines.push(JSON.stringify({ id: `${100_000_000 + k}`, data: { body: [{ ref_type: 'conversation_parts', id: `${100_000_000 + ((k * 7) % parts)}` }] } }));
    }
    fs.writeSync(out, `${lines.join('\n')}\n`);
  }
  fs.closeSync(out);
  const metadata = { record_types: { conversation_parts: { fields: { body: { type: 'rich_text' } } } } };
  const audit = await auditStore(dir, metadata as never);
  process.stdout.write(`${JSON.stringify({ mentions: audit.mentions, badLines: audit.badLines.length })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
