import { randomBytes } from 'node:crypto';
import { reportCounters, SAMPLE_CAP } from '../../src/extraction/report';
import {
  beginRun, completeRun, ConnectorStateError, ID_SET_CAP, initialConnectorState, loadConnectorState,
  ID_SET_MAX_CHARS, idsOfSet, pendingKind, rememberSeen,
} from '../../src/extraction/state';

const options = { importAllConversations: false, contactReferenceField: '', region: 'us' };
const context = {
  appId: 'abc1de2f', region: 'us' as const, observedAt: '2026-01-01T00:00:00.000Z', contactReferenceField: '',
  customAttributes: { contacts: [{ name: 'crm_id', data_type: 'string', custom: true }] },
  adminNames: { '1': 'Ann' }, teamNames: {}, helpCenterUrls: [], fileHosts: [],
};

describe('connector state', () => {
  it('starts fresh when the adapter state has no connector part', () => {
    expect(loadConnectorState({ lastSyncStarted: '' })).toEqual(initialConnectorState());
    expect(loadConnectorState(undefined).bookmark).toBeNull();
  });

  it('round-trips through JSON and validates on load', () => {
    const s = beginRun(initialConnectorState(), { startedAt: 1_700_000_000, windowStart: null, options, context });
    s.kinds.contacts = { ...pendingKind(), phase: 'listing', pageFrom: { starting_after: 'abc' }, doneInPage: ['1'] };
    const loaded = loadConnectorState(JSON.parse(JSON.stringify({ intercom: s, toDevRev: {} })));
    expect(loaded).toEqual(s);
  });

  it('refuses a state of another version or with a broken field, naming the field', () => {
    const s = initialConnectorState();
    expect(() => loadConnectorState({ intercom: { ...s, version: 99 } })).toThrow(ConnectorStateError);
    expect(() => loadConnectorState({ intercom: { ...s, bookmark: 'yesterday' } })).toThrow(/bookmark/);
  });

  it('promotes the run start, not anything seen later, to the bookmark only on completion', () => {
    let s = beginRun(initialConnectorState(), { startedAt: 1000, windowStart: null, options, context });
    expect(s.bookmark).toBeNull();
    s = beginRun({ ...s, bookmark: 500 }, { startedAt: 2000, windowStart: 200, options, context });
    expect(s.bookmark).toBe(500); // a second run that has not completed keeps the old bookmark
    s = completeRun(s);
    expect(s.bookmark).toBe(2000);
    expect(s.run).toBeNull();
  });

  it('keeps samples capped however many items are skipped', () => {
    const s = initialConnectorState();
    for (let i = 0; i < 500; i++) reportCounters.skipped(s.report, 'contacts', `c${i}`, 'bad email');
    expect(s.report.items.contacts.skipped.count).toBe(500);
    expect(s.report.items.contacts.skipped.sample).toHaveLength(SAMPLE_CAP);
  });

  it('keeps a seen-id set encoded, and drops it once its encoding passes the size limit instead of growing without bound', () => {
    const p = pendingKind();
    const ids = Array.from({ length: 2_000 }, (_, i) => `a${i}`);
    rememberSeen(p, ids.slice(0, 1_000));
    rememberSeen(p, ids.slice(1_000));
    expect(typeof p.seen).toBe('string');
    expect(idsOfSet(p.seen as string)).toEqual([...ids].sort());
    // Ids that do not compress (random bytes) until the encoding passes ID_SET_MAX_CHARS.
    rememberSeen(p, Array.from({ length: ID_SET_MAX_CHARS / 16 }, () => randomBytes(16).toString('hex')));
    expect(p.seen).toBeNull();
  });

  it('stays far below 1 MB for a 50,000-conversation import with every counter and cap full', () => {
    const s = beginRun(initialConnectorState(), { startedAt: 1_700_000_000, windowStart: null, options, context });
    const longId = 'x'.repeat(24);
    for (const kind of ['admins', 'teams', 'tags', 'companies', 'collections', 'articles']) {
      s.idSets[kind] = Array.from({ length: ID_SET_CAP }, (_, i) => `${longId}${i}`);
      s.kinds[kind] = { ...pendingKind(), seen: Array.from({ length: ID_SET_CAP }, (_, i) => `${longId}${i}`) };
    }
    s.kinds.conversations = { ...pendingKind(), phase: 'listing', doneInPage: Array.from({ length: 150 }, (_, i) => `${i}`) };
    for (let i = 0; i < 50_000; i++) {
      reportCounters.extracted(s.report, 'conversations', 1);
      reportCounters.extracted(s.report, 'conversation_parts', 12);
      if (i % 10 === 0) reportCounters.skipped(s.report, 'conversation_parts', `${longId}${i}`, 'x'.repeat(1000));
      if (i % 7 === 0) reportCounters.truncated(s.report, { id: `${i}`, returned: 500, total: 800 });
      if (i % 3 === 0) reportCounters.deleted(s.report, 'conversations', `${i}`, 'listed in /conversations/deleted');
    }
    const bytes = Buffer.byteLength(JSON.stringify({ intercom: s }));
    expect(bytes).toBeLessThan(250_000);
    expect(s.report.items.conversations.extracted).toBe(50_000);
  });
});
