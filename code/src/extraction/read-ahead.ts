/**
 * Reads ahead of the data loop: lists pages and starts each object's read (its detail fetch, where
 * the kind has one) as soon as it is listed, up to a window of objects, across page boundaries. The
 * loop takes each object as soon as its read has finished, in listing order among those finished, so
 * one slow read (a retry after a 5xx waits its back-off) holds only itself: the reads behind it, and
 * the next pages' listings, go on. A page ends (`end-of-page`, after which the loop moves its cursor
 * past it) only once every object of it and of the pages before it has been taken.
 *
 * Memory is bounded whatever the workspace's size: at most `window` objects listed and not taken,
 * and at most `span` objects listed from the oldest not taken on (the pages they belong to are held).
 *
 * With `listAhead` the next page is requested as soon as a page arrives, so the reads never wait for a
 * listing at a page boundary (at most two pages are held beyond the span). A listing whose reads move
 * a position on the server (Intercom's companies scroll) must not be read ahead: a page listed but not
 * yet taken when the invocation stops would be lost. With `listAhead` false the next page is only
 * requested once the loop has taken the whole previous one.
 */
import type { ListedPage } from './data-loop';

/** What a read produced: the object to normalize (undefined: skip it), or the error it threw. */
export type ReadResult = { value: Record<string, unknown> | undefined } | { error: unknown };

/** The loop's view of the listing. */
export type ReadAheadEvent =
  | { type: 'object'; listed: Record<string, unknown>; result: ReadResult }
  | { type: 'end-of-page'; page: ListedPage }
  | { type: 'done' }
  | { type: 'error'; error: unknown };

/** Objects listed and not yet taken by the loop, at most: their reads run meanwhile. */
export const READ_AHEAD_WINDOW = 128;
/**
 * Objects listed from the oldest not yet taken on, at most: how far the reads may run past one
 * slow read (at Intercom's 167 requests per second, about 3 s: a read retried once or twice).
 */
export const READ_AHEAD_SPAN = 4 * READ_AHEAD_WINDOW;

/** An event in listing order; an object's result arrives when its read settles. */
type Slot =
  | { type: 'object'; listed: Record<string, unknown>; seq: number; result?: ReadResult }
  | Exclude<ReadAheadEvent, { type: 'object' }>;

export class ReadAhead {
  private readonly slots: Slot[] = [];
  private objectsQueued = 0;
  private listedCount = 0;
  private stopped = false;
  private wakeConsumer?: () => void;
  private wakeProducer?: () => void;

  /**
   * Starts listing `pages`; `pending` picks a page's objects still to do (a resumed page skips those
   * done before); `read` starts one object's read.
   */
  constructor(
    pages: AsyncIterable<ListedPage>,
    pending: (page: ListedPage) => Array<Record<string, unknown>>,
    read: (listed: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>,
    private readonly options: { listAhead: boolean; window?: number; span?: number } = { listAhead: true },
  ) {
    void this.produce(pages, pending, read);
  }

  /**
   * The next event: the first object (in listing order) whose read has finished; an end of page,
   * the end or a listing error once everything listed before it was taken. Waits while none is ready.
   */
  async next(): Promise<ReadAheadEvent> {
    for (;;) {
      const index = this.slots.findIndex((slot, i) => (slot.type === 'object' ? slot.result !== undefined : i === 0));
      if (index >= 0) {
        const [slot] = this.slots.splice(index, 1);
        this.wakeProducer?.();
        if (slot!.type !== 'object') return slot!;
        this.objectsQueued -= 1;
        return { type: 'object', listed: slot!.listed, result: slot!.result! };
      }
      const arrived = new Promise<void>((resolve) => (this.wakeConsumer = resolve));
      this.wakeProducer?.(); // a producer holding back its listing until the loop asks may go on
      await arrived;
    }
  }

  /** Stops listing and starting reads (reads under way finish unobserved). */
  stop(): void {
    this.stopped = true;
    this.wakeProducer?.();
  }

  private push(slot: Slot): void {
    this.slots.push(slot);
    if (slot.type === 'object') this.objectsQueued += 1;
    this.notifyConsumer();
  }

  private notifyConsumer(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }

  private async waitForProducerTurn(): Promise<void> {
    await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    this.wakeProducer = undefined;
  }

  /** Until the loop has taken every event and asks for the next one (or stopped). */
  private async drained(): Promise<void> {
    while (!this.stopped && (this.slots.length > 0 || this.wakeConsumer === undefined)) await this.waitForProducerTurn();
  }

  /** Until one more object fits in the window and the span (or stopped). */
  private async room(): Promise<void> {
    const window = this.options.window ?? READ_AHEAD_WINDOW;
    const span = this.options.span ?? READ_AHEAD_SPAN;
    const full = () => {
      const oldest = this.slots.find((slot) => slot.type === 'object') as { seq: number } | undefined;
      return this.objectsQueued >= window || (oldest !== undefined && this.listedCount - oldest.seq >= span);
    };
    while (!this.stopped && full()) await this.waitForProducerTurn();
  }

  private async produce(
    pages: AsyncIterable<ListedPage>,
    pending: (page: ListedPage) => Array<Record<string, unknown>>,
    read: (listed: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>,
  ): Promise<void> {
    const iterator = pages[Symbol.asyncIterator]();
    try {
      let upcoming = iterator.next();
      for (;;) {
        const { value: page, done } = await upcoming;
        if (done) break;
        if (this.stopped) return;
        // The next page is listed while this one's objects wait for room in the window: the reads
        // need not wait for a listing at each page boundary. Its failure surfaces when awaited.
        if (this.options.listAhead) {
          upcoming = iterator.next();
          upcoming.catch(() => undefined);
        }
        for (const listed of pending(page)) {
          await this.room();
          if (this.stopped) return;
          const slot: Slot = { type: 'object', listed, seq: this.listedCount++ };
          this.push(slot);
          read(listed).then(
            (value) => this.settle(slot, { value }),
            (error: unknown) => this.settle(slot, { error }),
          );
        }
        this.push({ type: 'end-of-page', page });
        if (!this.options.listAhead) {
          await this.drained();
          if (this.stopped) return; // before asking for another page
          upcoming = iterator.next();
        }
      }
      this.push({ type: 'done' });
    } catch (error) {
      this.push({ type: 'error', error });
    } finally {
      // A stopped listing is closed as `for await` would close it; a page request under way is not awaited.
      if (this.stopped) void iterator.return?.(undefined)?.catch(() => undefined);
    }
  }

  private settle(slot: { result?: ReadResult }, result: ReadResult): void {
    slot.result = result;
    this.notifyConsumer();
  }
}
