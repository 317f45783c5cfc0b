/**
 * Wall-clock time during which at least one request was held back (a rate-limit window used up, a
 * retry's back-off, a pause between scroll restarts). Waits of requests in flight together overlap:
 * summing them reported 256 s for a 26 s import. This is the length of their union.
 */
export class PauseClock {
  private open = 0;
  private since = 0;
  private closedMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A wait starts now; call the returned function (once; later calls do nothing) when it ends. */
  begin(): () => void {
    if (this.open === 0) this.since = this.now();
    this.open += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.open -= 1;
      if (this.open === 0) this.closedMs += this.now() - this.since;
    };
  }

  /** Milliseconds covered by at least one wait so far (a wait still open counts up to now). */
  totalMs(): number {
    return this.closedMs + (this.open > 0 ? this.now() - this.since : 0);
  }
}
