/**
 * Adds the Intercom client's cumulative counters to the report, as deltas, so that saving the
 * state several times in one invocation never counts a request twice.
 */
import type { IntercomClient, IntercomStats } from '../intercom';
import type { ExtractionReport } from './report';

export class HttpStatsRecorder {
  private last: IntercomStats;

  constructor(private readonly client: Pick<IntercomClient, 'stats'>) {
    this.last = client.stats();
  }

  /** Adds what happened since the last call to `report.http`. */
  addTo(report: ExtractionReport): void {
    const now = this.client.stats();
    const h = report.http;
    h.requests += now.requests - this.last.requests;
    h.retries += now.retries - this.last.retries;
    h.rateLimited += now.rateLimited - this.last.rateLimited;
    h.serverErrors += now.serverErrors - this.last.serverErrors;
    h.waitedSeconds += Math.round((now.waitedMs - this.last.waitedMs) / 100) / 10;
    this.last = now;
  }
}
