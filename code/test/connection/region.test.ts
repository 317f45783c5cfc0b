/**
 * The region comes from the connection: `/me` names it (`app.region`), its host is the one to call,
 * and an `intercom_region` option is only an override that must agree with it.
 */
import { apiBaseUrlFor } from '../../src/connection/connection';
import { resolveRegion, RegionMismatchError } from '../../src/intercom/regions';
import { startPipeline, type Pipeline } from '../extraction/pipeline-helpers';

const SIZE = { admins: 2, teams: 1, tags: 2, companies: 2, contacts: 4, conversations: 6, articles: 2, collections: 1, sections: 0,
  helpCenters: 1, maxPartsPerConversation: 2, longConversations: 0, deletedConversations: 0 };

describe('the host follows the region /me names', () => {
  // Hosts from Intercom's documentation (the `servers` of the 2.16 OpenAPI description).
  it.each([
    ['US', 'https://api.intercom.io'],
    ['EU', 'https://api.eu.intercom.io'],
    ['AU', 'https://api.au.intercom.io'],
  ])('a workspace in %s is called at %s, with or without an agreeing override', (appRegion, host) => {
    const region = resolveRegion(appRegion, undefined);
    expect(apiBaseUrlFor(region, {})).toBe(host);
    expect(apiBaseUrlFor(resolveRegion(appRegion, region), {})).toBe(host);
  });

  it('an override that disagrees with /me is a clear error naming both regions', () => {
    expect(() => resolveRegion('EU', 'us', 'Workspace "Acme"')).toThrow(RegionMismatchError);
    expect(() => resolveRegion('EU', 'us', 'Workspace "Acme"')).toThrow(
      'Workspace "Acme" is hosted in Intercom\'s EU region, but the Intercom region option says US: set the option to eu or leave it empty',
    );
  });

  it('a local run keeps its emulator URL whatever the region', () => {
    expect(apiBaseUrlFor('au', { apiBaseUrl: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9');
  });
});

describe('region option through the pipeline', () => {
  let p: Pipeline;
  afterEach(async () => p?.close());

  it('a region option that disagrees with the workspace stops the import at once, naming both', async () => {
    p = await startPipeline({ seed: 2, size: SIZE }, { timeoutMs: 8000 });
    const actual = p.intercom.workspace.app.region; // the workspace's own, as /me says
    const wrong = actual === 'EU' ? 'au' : 'eu';
    const result = await p.run('import', { intercom_region: wrong });
    expect(result.status).toBe('error');
    expect(result.error).toContain(`hosted in Intercom's ${actual} region, but the Intercom region option says ${wrong.toUpperCase()}`);
    expect(result.phases.map((ph) => ph.phase)).not.toContain('data');
  });

  it('without the option, or with the right one, the import runs and records the region /me names', async () => {
    p = await startPipeline({ seed: 2, size: SIZE }, { timeoutMs: 8000 });
    const actual = p.intercom.workspace.app.region.toLowerCase();
    const result = await p.run('import', { intercom_region: actual });
    expect({ status: result.status, error: result.error }).toEqual({ status: 'done', error: undefined });
    expect(p.state().intercom.report.options.region).toBe(actual);
    const sync = await p.run('sync', {});
    expect({ status: sync.status, error: sync.error }).toEqual({ status: 'done', error: undefined });
    expect(p.state().intercom.report.options.region).toBe(actual);
  });
});
