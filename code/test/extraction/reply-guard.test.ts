import { createMockEvent, type WorkerAdapter } from '../../src/adaas';
import { armUnconfirmedReply, settleUnconfirmedReply, startingPoint } from '../../src/extraction/reply-guard';
import { initialConnectorState, type ConnectorStateEnvelope } from '../../src/extraction/state';

type Adapter = WorkerAdapter<ConnectorStateEnvelope>;

/** The adapter surface the guard uses: the event and a settable state. */
function fakeAdapter(requestId: string, state: object): Adapter {
  const event = createMockEvent(undefined, { payload: { event_context: { request_id: requestId, request_id_adaas: requestId } } });
  return { event, state } as unknown as Adapter;
}

describe('reply guard: a state never claims pages whose event was lost', () => {
  const started = { ...initialConnectorState(), bookmark: 100 };
  const advanced = { ...initialConnectorState(), bookmark: 100, kinds: { admins: { phase: 'done' as const, pageFrom: null, doneInPage: [], pages: 3, seen: [] } } };

  function stateSavedBy(requestId: string): object {
    const adapter = fakeAdapter(requestId, { intercom: started, toDevRev: { attachmentsMetadata: { artifactIds: ['a1'], lastProcessed: 0 } } });
    const start = startingPoint(adapter, started);
    armUnconfirmedReply(adapter, start);
    // the invocation reads pages and uploads one more attachments artifact before its emit saves the state
    adapter.state = { ...adapter.state, intercom: advanced };
    (adapter.state as { toDevRev: { attachmentsMetadata: { artifactIds: string[] } } }).toDevRev.attachmentsMetadata.artifactIds.push('a2');
    return JSON.parse(JSON.stringify(adapter.state));
  }

  it('the same event delivered again (its reply never arrived) starts over from where that invocation started', () => {
    const adapter = fakeAdapter('req-1', stateSavedBy('req-1'));
    expect(settleUnconfirmedReply(adapter)).toBe('rolled back');
    expect(adapter.state.intercom).toEqual(started);
    expect((adapter.state as { toDevRev: { attachmentsMetadata: { artifactIds: string[] } } }).toDevRev.attachmentsMetadata.artifactIds).toEqual(['a1']);
    expect(adapter.state.intercomUnconfirmed).toBeUndefined();
  });

  it('a new event (the platform had the reply) keeps the advanced state and drops the copy', () => {
    const adapter = fakeAdapter('req-2', stateSavedBy('req-1'));
    expect(settleUnconfirmedReply(adapter)).toBe('confirmed');
    expect(adapter.state.intercom).toEqual(advanced);
    expect(adapter.state.intercomUnconfirmed).toBeUndefined();
  });
});
