/**
 * nock for the client tests that script Intercom's answers. Importing nock patches Node's shared `http`
 * and `https` modules, so only these tests import this file, and its hooks restore them afterwards
 * (the test environment fails a file that leaves them patched).
 */
import nock from 'nock';
import { resetConnectionLimiters } from '../../src/intercom';

export function installNockHooks(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterEach(() => {
    nock.cleanAll();
    resetConnectionLimiters();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
