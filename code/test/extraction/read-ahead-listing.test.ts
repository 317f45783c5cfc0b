/**
 * The read-ahead lists the next page as soon as a page arrives (`listAhead`), so the reads do not
 * wait for a listing at each page boundary; a scroll (`listAhead` false) still asks for its next
 * page only once the loop has taken the whole previous one. Events decide: the reads never settle
 * until the test lets them, and the page requests are recorded as the generator is asked for them.
 */
import type { ListedPage } from '../../src/extraction/data-loop';
import { ReadAhead } from '../../src/extraction/read-ahead';

/** Pages of `size` objects, recording which page numbers were asked for. */
function listing(pages: number, size: number, asked: number[]): AsyncIterable<ListedPage> {
  return (async function* () {
    for (let p = 1; p <= pages; p++) {
      asked.push(p);
      yield { items: Array.from({ length: size }, (_, i) => ({ id: `p${p}-${i}` })), invalid: [], next: p < pages ? { page: p + 1 } : null };
    }
  })();
}

/** Lets every promise chain that can move on do so (no timers involved). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('read-ahead listing', () => {
  it('asks for the next page while the first page still waits for room in the window', async () => {
    const asked: number[] = [];
    const started: string[] = [];
    const reads = new ReadAhead(listing(3, 4, asked), (page) => page.items, (listed) => {
      started.push(String(listed.id));
      return new Promise(() => undefined); // never settles: the window stays full
    }, { listAhead: true, window: 2 });
    await settle();
    expect(started).toEqual(['p1-0', 'p1-1']);
    expect(asked).toEqual([1, 2]);
    reads.stop();
  });

  it('hands out objects and page ends in listing order across prefetched pages', async () => {
    const asked: number[] = [];
    const reads = new ReadAhead(listing(3, 2, asked), (page) => page.items, async (listed) => listed, { listAhead: true, window: 2 });
    const events: string[] = [];
    for (;;) {
      const event = await reads.next();
      if (event.type === 'done') break;
      events.push(event.type === 'object' ? String(event.listed.id) : event.type === 'end-of-page' ? `end ${JSON.stringify(event.page.next)}` : 'error');
    }
    expect(events).toEqual(['p1-0', 'p1-1', 'end {"page":2}', 'p2-0', 'p2-1', 'end {"page":3}', 'p3-0', 'p3-1', 'end null']);
    expect(asked).toEqual([1, 2, 3]);
  });

  it('does not list a scroll ahead: its next page waits until the loop took the whole page', async () => {
    const asked: number[] = [];
    const reads = new ReadAhead(listing(3, 2, asked), (page) => page.items, async (listed) => listed, { listAhead: false, window: 2 });
    await settle();
    expect(asked).toEqual([1]);
    await reads.next();
    await reads.next();
    await settle();
    expect(asked).toEqual([1]);
    expect((await reads.next()).type).toBe('end-of-page');
    await reads.next(); // the loop asks again: the next page is listed
    expect(asked).toEqual([1, 2]);
    reads.stop();
  });
});
