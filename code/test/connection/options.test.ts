import { OptionsError, readOptions } from '../../src/connection/options';

describe('import options', () => {
  it('defaults: closed conversations only, Intercom ids, the region /me names (no override)', () => {
    expect(readOptions({})).toEqual({ importAllConversations: false, contactReferenceField: '' });
    expect(readOptions({ intercom_region: 'auto' })).toEqual({ importAllConversations: false, contactReferenceField: '' });
    expect(readOptions(undefined).importAllConversations).toBe(false);
  });
  it('reads strings and booleans', () => {
    const o = readOptions({ import_all_conversations: 'true', contact_reference_field: ' crm_id ', intercom_region: 'EU',
      intercom_api_base_url: 'http://127.0.0.1:9999/' }, true);
    expect(o).toEqual({ importAllConversations: true, contactReferenceField: 'crm_id', regionOverride: 'eu', apiBaseUrl: 'http://127.0.0.1:9999' });
    expect(readOptions({ import_all_conversations: true }).importAllConversations).toBe(true);
  });
  it('names the option and the bad value', () => {
    expect(() => readOptions({ import_all_conversations: 'yes' })).toThrow(/import_all_conversations.*"yes"/);
    expect(() => readOptions({ intercom_region: 'mars' })).toThrow(OptionsError);
    expect(() => readOptions({ intercom_api_base_url: 'ftp://x' }, true)).toThrow(/intercom_api_base_url/);
  });
  it('refuses intercom_api_base_url outside a local run (issue 10 §5)', () => {
    expect(() => readOptions({ intercom_api_base_url: 'https://evil.example.com' })).toThrow(/intercom_api_base_url.*local runs only/);
  });
});
