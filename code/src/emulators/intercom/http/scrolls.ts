import { randomUUID } from 'node:crypto';

/** One open companies scroll: a snapshot of the ids and how far the app got. */
export interface Scroll {
  param: string;
  ids: string[];
  position: number;
  /** Pages served so far (the first call is page 1). */
  pages: number;
  lastUsedMs: number;
}

/**
 * Companies scrolls, one per app: "Each app can only have 1 scroll open at a time" and "If the
 * scroll isn't used for 1 minute, it expires" (spec of `GET /companies/scroll`).
 */
export class ScrollRegistry {
  private readonly open = new Map<string, Scroll>();

  constructor(
    private readonly idleMs = 60_000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Starts a scroll for `appKey`, or returns undefined when one is still open. */
  start(appKey: string, ids: string[]): Scroll | undefined {
    if (this.live(appKey)) return undefined;
    const scroll: Scroll = { param: randomUUID(), ids, position: 0, pages: 0, lastUsedMs: this.nowMs() };
    this.open.set(appKey, scroll);
    return scroll;
  }

  /** The app's open scroll with this param, or undefined when unknown or expired. */
  resume(appKey: string, param: string): Scroll | undefined {
    const scroll = this.live(appKey);
    if (!scroll || scroll.param !== param) return undefined;
    scroll.lastUsedMs = this.nowMs();
    return scroll;
  }

  /** Expires every open scroll, as a minute without use would (tests: a long gap between two invocations). */
  expireAll(): void {
    this.open.clear();
  }

  /** Ends the app's scroll (end of data, or a failure that forces a restart). */
  end(appKey: string): void {
    this.open.delete(appKey);
  }

  private live(appKey: string): Scroll | undefined {
    const scroll = this.open.get(appKey);
    if (scroll && this.nowMs() - scroll.lastUsedMs >= this.idleMs) {
      this.open.delete(appKey);
      return undefined;
    }
    return scroll;
  }
}
