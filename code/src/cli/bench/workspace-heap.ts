/** Memory an Intercom emulator workspace takes once indexed (it is lazy: conversations are built when read). */
import { createWorkspace } from '../../emulators/intercom/workspace';
import { memoryInUse } from './memory-in-use';

/**
 * MB a workspace of `conversations` takes once indexed, with a few conversations materialized:
 * memory in use after full collections, before and after (heap used alone, read without them,
 * counted or freed whatever garbage a collection met meanwhile, and printed negative values).
 */
export function workspaceHeapMb(conversations = 50_000): number {
  const before = memoryInUse();
  const w = createWorkspace({ seed: 77, size: { conversations, contacts: 20_000, companies: 3_000 }, fileBaseUrl: 'http://127.0.0.1:1' });
  const index = w.conversationIndex();
  for (let n = 0; n < 5; n++) w.conversation(index[(n * 9_973) % index.length].id, { withParts: true });
  const after = memoryInUse();
  if (w.conversationIndex().length !== index.length) throw new Error('the workspace changed while it was measured'); // keeps `w` alive until `after`
  return (after - before) / (1024 * 1024);
}
