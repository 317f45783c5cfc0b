/**
 * One detail read waiting for its retry holds only itself: the loop goes on reading and pushing the
 * objects after it, on its page and the next ones. A proxy in front of the emulator answers the first
 * conversation read with a 503 and holds its retry until the test releases it; the release is an event
 * (the loop has pushed more conversations than the first page holds), a guard only ends a test that
 * would wait for ever (the old loop took objects in listing order: nothing after the held one was pushed).
 */
import { startHostileProxy, jsonAnswer, type HostileProxy, type ProxyRule } from './hostile-proxy';
import { LoopHarness } from './loop-harness';
import { smallWorkspace, useSmallEmulator } from './small-workspace';

/** Conversations a listing page holds (Intercom's maximum, which the snap-in asks for). */
const PAGE = 150;
const CONVERSATIONS = 320; // pages of 150, 150 and 20
const GUARD_MS = 20_000;

interface HeldRetry {
  rules: ProxyRule[];
  /** The conversation whose read met the 503 (set once its first read arrived). */
  heldId(): string | undefined;
  /** Lets the held retry through to the emulator. */
  release(): void;
  released(): boolean;
}

/** The first read of one of `conversationIds` answers 503; its retry waits until `release()`. */
function holdOneRetry(conversationIds: string[]): HeldRetry {
  const paths = new Set(conversationIds.map((id) => `/conversations/${id}`));
  let heldPath: string | undefined;
  let release = (): void => undefined;
  let released = false;
  const gate = new Promise<void>((resolve) => (release = () => ((released = true), resolve())));
  const detail = (method: string, path: string) => method === 'GET' && paths.has(path);
  return {
    rules: [
      {
        match: (method, path) => detail(method, path) && heldPath === undefined,
        times: 1,
        answer: (req, res, forward) => {
          heldPath = (req.url ?? '').split('?')[0];
          return jsonAnswer(503, { type: 'error.list', errors: [{ code: 'service_unavailable', message: 'Service Unavailable' }] })(req, res, forward);
        },
      },
      {
        match: (_method, path) => path === heldPath,
        times: 1,
        answer: async (_req, res, forward) => {
          await gate;
          const got = await forward();
          res.writeHead(got.status, { 'content-type': String(got.headers['content-type'] ?? 'application/json') });
          res.end(got.body);
        },
      },
    ],
    heldId: () => heldPath?.split('/').pop(),
    release: () => release(),
    released: () => released,
  };
}

describe('a detail read waiting for its retry', () => {
  const holder = useSmallEmulator(47, smallWorkspace({ conversations: CONVERSATIONS }));
  let proxy: HostileProxy | undefined;
  afterEach(async () => proxy?.close());

  it('holds only itself: the conversations after it, on its page and the next, are read and pushed meanwhile', async () => {
    const emu = holder.emu;
    const all = emu.workspace.conversationIndex().map((c) => c.id).sort();
    const held = holdOneRetry(all);
    proxy = await startHostileProxy(emu.baseUrl, held.rules);
    let readsBeforeRelease = 0;
    const stopLog = emu.onRequest((entry) => {
      if (!held.released() && entry.route === 'GET /conversations/:id' && entry.status === 200) readsBeforeRelease += 1;
    });
    const guard = setTimeout(() => held.release(), GUARD_MS);
    let pushedBeforeRelease = 0;
    try {
      const harness = new LoopHarness({ baseUrl: proxy.baseUrl, token: emu.token });
      await harness.begin(false);
      await harness.runToEnd(() => ({
        afterPush: (pushed) => {
          if (pushed.itemType !== 'conversations' || held.released()) return;
          pushedBeforeRelease += 1;
          if (pushedBeforeRelease >= PAGE + 10) held.release();
        },
      }));
      // More than the first page holds were pushed while one of its conversations was still waiting.
      expect(pushedBeforeRelease).toBeGreaterThanOrEqual(PAGE + 10);
      expect(readsBeforeRelease).toBeGreaterThanOrEqual(PAGE + 10);
      expect(held.heldId()).toBeDefined();
      expect(harness.ids('conversations')).toEqual(all);
      const pushes = harness.log.filter((p) => p.itemType === 'conversations').map((p) => p.id);
      expect(pushes).toHaveLength(CONVERSATIONS); // each once
    } finally {
      clearTimeout(guard);
      stopLog();
    }
  }, 60_000);

  it('a stop while it waits saves a position from which the next invocation reads it, and none pushed before', async () => {
    const emu = holder.emu;
    const all = emu.workspace.conversationIndex().map((c) => c.id).sort();
    const held = holdOneRetry(all);
    proxy = await startHostileProxy(emu.baseUrl, held.rules);
    const guard = setTimeout(() => held.release(), GUARD_MS);
    try {
      const harness = new LoopHarness({ baseUrl: proxy.baseUrl, token: emu.token });
      await harness.begin(false);
      let conversationsPushed = 0;
      const first = await harness.invoke({
        afterPush: (pushed) => {
          if (pushed.itemType === 'conversations') conversationsPushed += 1;
        },
        stopWhen: () => conversationsPushed >= PAGE + 10,
      });
      expect(first).toBe('timeout');
      expect(held.released()).toBe(false); // the stop came while the retry was held
      const heldId = held.heldId()!;
      const progress = harness.stored.kinds.conversations!;
      // The cursor stays before the first page, which is not finished; the ids done after it are kept.
      expect(progress.pageFrom).toBeNull();
      expect(progress.doneInPage).not.toContain(heldId);
      const pushedFirst = harness.log.filter((p) => p.itemType === 'conversations').map((p) => p.id);
      expect(pushedFirst.length).toBeGreaterThanOrEqual(PAGE + 10);
      expect([...progress.doneInPage].sort()).toEqual([...pushedFirst].sort());

      held.release();
      await harness.runToEnd();
      const pushes = harness.log.filter((p) => p.itemType === 'conversations').map((p) => p.id);
      expect([...pushes].sort()).toEqual(all); // every conversation pushed, and exactly once over both invocations
      expect(pushes.slice(pushedFirst.length)).toContain(heldId);
    } finally {
      clearTimeout(guard);
    }
  }, 60_000);
});
