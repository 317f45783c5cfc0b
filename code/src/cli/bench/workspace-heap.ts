/** Memory an Intercom emulator workspace takes once indexed (it is lazy: conversations are built when read). */
import { createWorkspace } from '../../emulators/intercom/workspace';
import { memoryInUse } from './memory-in-use';

/**
 * MB a workspace of `conversations` takes once indexed, with a few conversations materialized:
 * memory in use after full collections, before and after (heap used alone, read without them,
 * counted or freed whatever garbage a collection met meanwhile, and printed negative values).
 */
export async function workspaceHeapMb(conversations = 50_000): Promise<number> {
  // A first build compiles the workspace's code; measured cold, the figure swung by 5 MB with whatever bytecode
  // the collections before and after happened to compile or flush.
  buildIndexedWorkspace(100);
  const before = await memoryInUse();
  const w = buildIndexedWorkspace(conversations);
  const after = await memoryInUse();
  if (w.conversationIndex().length !== conversations) throw new Error('the workspace changed while it was measured'); // keeps `w` alive until `after`
  return (after - before) / (1024 * 1024);
}

function buildIndexedWorkspace(conversations: number): ReturnType<typeof createWorkspace> {
  const w = createWorkspace({ seed: 77, size: { conversations, contacts: 20_000, companies: 3_000 }, fileBaseUrl: 'http://127.0.0.1:1' });
  const index = w.conversationIndex();
  for (let n = 0; n < 5; n++) w.conversation(index[(n * 9_973) % index.length].id, { withParts: true });
  return w;
}
