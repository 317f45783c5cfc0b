/**
 * Clean stopping on Ctrl-C (SIGINT) or SIGTERM. The first signal lets the snap-in invocation in flight finish
 * (its state is saved after every page) and starts no new one; the run can then be resumed by running the
 * same command again. A second signal exits at once, which is still safe because the connector saves its
 * position after every page and the platform emulator after every invocation.
 */
import { CliError, ExitCode } from './cli-error';
import { out } from './output';

/** Raised (as a rejection of {@link Interrupt.stopped}) when the user asked to stop. */
export class StopRequested extends CliError {
  constructor(resumeCommand: string) {
    super(`Stopped at your request; the output folder is consistent. Run "${resumeCommand}" again to resume.`, ExitCode.interrupted);
  }
}

/** One run's stop switch; wraps the snap-in function so no invocation starts after a stop request. */
export class Interrupt {
  private requested = false;
  private inFlight = 0;
  private rejectStopped: (err: Error) => void = () => {};
  /** Rejects with {@link StopRequested} once a stop was requested and no invocation is running. */
  readonly stopped: Promise<never>;
  private readonly onSignal = (): void => this.request();

  constructor(private readonly resumeCommand: string) {
    this.stopped = new Promise<never>((_, reject) => {
      this.rejectStopped = reject;
    });
    this.stopped.catch(() => {});
  }

  /** Starts listening for SIGINT / SIGTERM. */
  listen(): this {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    return this;
  }

  dispose(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }

  /** Asks the run to stop (what a signal does). A second request exits at once. */
  request(): void {
    if (this.requested) {
      out.error(new StopRequested(this.resumeCommand).message);
      process.exit(ExitCode.interrupted);
    }
    this.requested = true;
    out.error('Stopping after the current invocation (Ctrl-C again to stop at once)…');
    this.settle();
  }

  get isRequested(): boolean {
    return this.requested;
  }

  /** Wraps a snap-in function: after a stop request, the next invocation never starts. */
  wrap<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      if (this.requested) {
        // The platform reached the next invocation, so it has saved its position after the previous one.
        this.settle();
        return new Promise<void>(() => {});
      }
      this.inFlight++;
      try {
        await fn(...args);
      } finally {
        this.inFlight--;
        // Give the platform a moment to save its position (it may also be waiting out a DELAY).
        if (this.requested) setTimeout(() => this.settle(), 500).unref();
      }
    };
  }

  private settle(): void {
    if (this.requested && this.inFlight === 0) this.rejectStopped(new StopRequested(this.resumeCommand));
  }
}
