/**
 * The loading run across invocations: a short soft timeout with slow replies forces
 * DATA_LOADING_PROGRESS → CONTINUE, and a tiny rate limit forces DATA_LOADING_DELAYED; either way
 * every comment is posted exactly once and the run completes.
 */
import { devrevComment, partsOf, reportOf, startLoading, type LoadingSetup } from './harness';

jest.setTimeout(180_000); // wide: a loaded 2-core machine runs these several times slower

const SIZE = { conversations: 4, contacts: 6, admins: 3, maxPartsPerConversation: 3, longConversations: 0, deletedConversations: 0 };

function commentsOn(setup: LoadingSetup, mark: string, count: number) {
  const ids = setup.intercom.workspace.conversationIndex().map((e) => e.id);
  return Array.from({ length: count }, (_, i) =>
    devrevComment({ conversationId: ids[i % ids.length], content: [`${mark} number ${i}`] }));
}

/** How many parts of the workspace carry `mark`, per comment number. */
function postedCounts(setup: LoadingSetup, mark: string, count: number): number[] {
  const bodies = setup.intercom.workspace.conversationIndex().flatMap((e) => partsOf(setup.intercom, e.id).map((p) => String(p.body ?? '')));
  return Array.from({ length: count }, (_, i) => bodies.filter((b) => b.includes(`${mark} number ${i}<`)).length);
}

describe('loading across invocations', () => {
  test('a short soft timeout ends invocations with PROGRESS; CONTINUE resumes and nothing is posted twice', async () => {
    const setup = await startLoading({ seed: 5, edgeCases: false, size: SIZE });
    try {
      setup.intercom.setFaults({ routes: ['POST /conversations/:id/reply'], slowRate: 1, slowMs: 400 });
      const mark = 'timeout-check-5d1';
      // 8 slow replies (each also reads its conversation first: earlier-reply.ts) need several invocations.
      const result = await setup.load({ conversation_parts: commentsOn(setup, mark, 8) }, 2500);
      expect(result.error).toBeUndefined();
      const replies = result.phases[0].replies;
      expect(replies).toContain('DATA_LOADING_PROGRESS');
      expect(replies[replies.length - 1]).toBe('DATA_LOADING_DONE');
      expect(result.phases[0].invocations).toBeGreaterThan(1);
      expect(postedCounts(setup, mark, 8)).toEqual(Array(8).fill(1));
      expect(reportOf(result, 'conversation_parts')).toMatchObject({ created: 8, failed: 0, skipped: 0 });
    } finally {
      await setup.close();
    }
  });

  test('a tiny rate limit ends in DELAYED, then the run completes with every comment posted once', async () => {
    const setup = await startLoading({ seed: 6, edgeCases: false, size: SIZE, rateLimit: { appPer10s: 3, workspacePer10s: 3 } });
    try {
      // The client paces itself on X-RateLimit-Remaining, so on a slow machine it may never meet a 429 by
      // itself: the first reply finds the workspace budget spent by other apps, a 429 with no warning.
      setup.intercom.setFaults({ routes: ['POST /conversations/:id/reply'], workspaceBudgetSpentResponses: 1 });
      const mark = 'ratelimit-check-9e2';
      const result = await setup.load({ conversation_parts: commentsOn(setup, mark, 5) }, 3000);
      expect(result.error).toBeUndefined();
      expect(result.status).toBe('done');
      expect(result.phases[0].replies).toContain('DATA_LOADING_DELAYED');
      expect(result.phases[0].delays).toBeGreaterThan(0);
      expect(result.phases[0].delaySeconds).toBeGreaterThan(0);
      expect(postedCounts(setup, mark, 5)).toEqual(Array(5).fill(1));
      expect(reportOf(result, 'conversation_parts')).toMatchObject({ created: 5, failed: 0 });
      expect(setup.intercom.metrics().rateLimited).toBeGreaterThan(0);
    } finally {
      await setup.close();
    }
  });

  test('a START invocation whose /me must wait past its deadline still lists the files: the CONTINUE after its DELAY loads them', async () => {
    // The SDK lists the transformer files only on START_LOADING_DATA (worker-adapter.js loadItemTypes):
    // a DELAY emitted before that listing left the CONTINUE with nothing to load, and the run ended DONE
    // with no reports and nothing posted.
    const setup = await startLoading({ seed: 7, edgeCases: false, size: SIZE, rateLimit: { appPer10s: 3, workspacePer10s: 3 } });
    try {
      setup.intercom.setFaults({ routes: ['GET /me'], workspaceBudgetSpentResponses: 1 });
      const mark = 'me-delay-check-3c7';
      const result = await setup.load({ conversation_parts: commentsOn(setup, mark, 2) }, 3000);
      expect(result.error).toBeUndefined();
      expect(result.phases[0].replies[0]).toBe('DATA_LOADING_DELAYED');
      expect(postedCounts(setup, mark, 2)).toEqual([1, 1]);
      expect(reportOf(result, 'conversation_parts')).toMatchObject({ created: 2, failed: 0 });
    } finally {
      await setup.close();
    }
  });
});
