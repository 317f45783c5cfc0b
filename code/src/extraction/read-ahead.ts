/**
 * Reads ahead of the data loop: lists pages and starts each object's read (its detail fetch, where
 * the kind has one) as soon as it is listed, up to a window of objects, across page boundaries. The
 * loop takes the objects in listing order while later reads, and the next page's listing, are already
 * under way, so it never waits at a page boundary or while it checkpoints. Memory is bounded by the
 * window, whatever the workspace's size.
 *
 * A listing whose reads move a position on the server (Intercom's companies scroll) must not be read
 * ahead: a page listed but not yet taken when the invocation stops would be lost. With `listAhead`
 * false the next page is only requested once the loop has taken the whole previous one.
 */
import type { ListedPage } from './data-loop';

/** What a read produced: the object to normalize (undefined: skip it), or the error it threw. */
export type ReadResult = { value: Record<string, unknown> | undefined } | { error: unknown };

/** The loop's view of the listing, in order. */
export type ReadAheadEvent =
  | { type: 'page'; page: ListedPage }
  | { type: 'object'; listed: Record<string, unknown>; read: Promise<ReadResult> }
  | { type: 'end-of-page'; page: ListedPage }
  | { type: 'done' }
  | { type: 'error'; error: unknown };

/** Objects listed and not yet taken by the loop, at most: their reads run meanwhile. */
export const READ_AHEAD_WINDOW = 128;

export class ReadAhead {
  private readonly events: ReadAheadEvent[] = [];
  private objectsQueued = 0;
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
    private readonly options: { listAhead: boolean; window?: number } = { listAhead: true },
  ) {
    void this.produce(pages, pending, read);
  }

  /** The next event in listing order; waits for it when the reads have not got that far. */
  async next(): Promise<ReadAheadEvent> {
    while (this.events.length === 0) {
      const arrived = new Promise<void>((resolve) => (this.wakeConsumer = resolve));
      this.wakeProducer?.(); // a producer holding back its listing until the loop asks may go on
      await arrived;
    }
    const event = this.events.shift()!;
    if (event.type === 'object') this.objectsQueued -= 1;
    this.wakeProducer?.();
    return event;
  }

  /** Stops listing and starting reads (reads under way finish unobserved). */
  stop(): void {
    this.stopped = true;
    this.wakeProducer?.();
  }

  private push(event: ReadAheadEvent): void {
    this.events.push(event);
    if (event.type === 'object') this.objectsQueued += 1;
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }

  /** Until the loop has taken every event and asks for the next one (or stopped). */
  private async drained(): Promise<void> {
    while (!this.stopped && (this.events.length > 0 || this.wakeConsumer === undefined)) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
      this.wakeProducer = undefined;
    }
  }

  private async room(): Promise<void> {
    while (!this.stopped && this.objectsQueued >= (this.options.window ?? READ_AHEAD_WINDOW)) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
      this.wakeProducer = undefined;
    }
  }

  private async produce(
    pages: AsyncIterable<ListedPage>,
    pending: (page: ListedPage) => Array<Record<string, unknown>>,
    read: (listed: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>,
  ): Promise<void> {
    try {
      for await (const page of pages) {
        if (this.stopped) return;
        this.push({ type: 'page', page });
        for (const listed of pending(page)) {
          await this.room();
          if (this.stopped) return;
          const result = read(listed).then((value): ReadResult => ({ value }), (error: unknown): ReadResult => ({ error }));
          this.push({ type: 'object', listed, read: result });
        }
        this.push({ type: 'end-of-page', page });
        if (!this.options.listAhead) await this.drained();
        if (this.stopped) return; // before the for-await asks for another page
      }
      this.push({ type: 'done' });
    } catch (error) {
      this.push({ type: 'error', error });
    }
  }
}
