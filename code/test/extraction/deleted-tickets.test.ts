/**
 * Deleted tickets (2.16: `DELETE /tickets/{id}` removes one for good; no listing names deleted
 * tickets). Syncs read tickets through a date filter, so, like contacts, a deletion is found by an
 * id listing of their own compared with the import's complete listing, and reported with its id.
 */
import { LoopHarness } from './loop-harness';
import { smallWorkspace, useSmallEmulator } from './small-workspace';

describe('deleted tickets', () => {
  const intercom = useSmallEmulator(15, smallWorkspace({ contacts: 6, conversations: 4, tickets: 6 }));

  it('are reported by the sync after their deletion, and no other ticket is', async () => {
    const h = new LoopHarness(intercom.emu, true);
    await h.begin(false);
    await h.runToEnd();
    const ids = intercom.emu.workspace.truth.ids('tickets');
    expect(ids.length).toBe(6);
    expect(h.stored.report.deletions).toEqual({});

    intercom.emu.workspace.mutate.advance(60);
    // Deleted as an Intercom user would: through the API.
    const answer = await fetch(`${intercom.emu.baseUrl}/tickets/${ids[2]}`, {
      method: 'DELETE', headers: { Authorization: `Bearer ${intercom.emu.token}`, 'Intercom-Version': '2.16' },
    });
    expect({ status: answer.status, body: await answer.json() }).toEqual({ status: 200, body: { id: ids[2], object: 'ticket', deleted: true } });
    expect(intercom.emu.workspace.truth.ids('tickets')).not.toContain(ids[2]);
    await h.begin(true);
    await h.runToEnd();
    expect(h.stored.report.deletions.tickets).toEqual({ count: 1, sample: [{ id: ids[2], reason: 'absent from a complete listing' }] });
    expect(h.stored.report.deletionDetectionSkipped).toEqual({});
  }, 120_000);
});
