import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { readOptions } from '../src/connection/options';

const root = path.resolve(__dirname, '../..');
const manifest = parse(fs.readFileSync(path.join(root, 'manifest.yaml'), 'utf8'));

describe('manifest.yaml', () => {
  it('is a version 2 snap-in manifest with the extraction and loading functions', () => {
    expect(manifest.version).toBe('2');
    const functionNames = manifest.functions.map((f: { name: string }) => f.name);
    expect(functionNames).toEqual(expect.arrayContaining(['extraction', 'loading']));
  });

  it('declares one import whose functions and connection types exist', () => {
    expect(manifest.imports).toHaveLength(1);
    const [imp] = manifest.imports;
    const functionNames = manifest.functions.map((f: { name: string }) => f.name);
    expect(functionNames).toContain(imp.extractor_function);
    expect(functionNames).toContain(imp.loader_function);
    const keyringIds = manifest.keyring_types.map((k: { id: string }) => k.id);
    expect(imp.allowed_connection_types.sort()).toEqual(keyringIds.sort());
  });

  it('offers OAuth and API-key connections, both checked against GET /me with the pinned version', () => {
    const oauth = manifest.keyring_types.find((k: { kind: string }) => k.kind === 'oauth2');
    const secret = manifest.keyring_types.find((k: { kind: string }) => k.kind === 'secret');
    expect(oauth.authorize.auth_url).toBe('https://app.intercom.com/oauth');
    expect(oauth.authorize.token_url).toBe('https://api.intercom.io/auth/eagle/token');
    expect(oauth.scopes.length).toBeGreaterThan(0);
    expect(manifest.developer_keyrings.map((k: { name: string }) => k.name)).toContain(oauth.oauth_secret);
    expect(oauth.organization_data.url).toBe('https://api.intercom.io/me');
    expect(secret.secret_config.token_verification.url).toBe('https://api.intercom.io/me');
    expect(secret.secret_config.token_verification.headers.Authorization).toBe('Bearer [API_KEY]');
    for (const headers of [oauth.organization_data.headers, secret.secret_config.token_verification.headers]) {
      expect(headers['Intercom-Version']).toBe('2.16');
    }
  });

  it('declares the import options the extraction reads from global_values', () => {
    const inputs = Object.fromEntries(
      manifest.inputs.organization.map((i: { name: string }) => [i.name, i]),
    );
    expect(inputs.import_all_conversations.field_type).toBe('bool');
    expect(inputs.import_all_conversations.default_value).toBe(false);
    expect(inputs.contact_reference_field.field_type).toBe('text');
    expect(inputs.contact_reference_field.default_value).toBe('');
    expect(inputs.intercom_region.allowed_values).toEqual(['auto', 'us', 'eu', 'au']); // auto: the region /me names
    // The emulator-only base URL override must never be offered to users.
    expect(inputs.intercom_api_base_url).toBeUndefined();
  });

  it('names inputs the extraction reads: defaults give the defaults, set values change the options', () => {
    const asSent = (values: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])); // DevRev sends strings
    const inputs: Array<{ name: string; default_value: unknown }> = manifest.inputs.organization;
    const defaults = readOptions(asSent(Object.fromEntries(inputs.map((i) => [i.name, i.default_value]))));
    expect(defaults).toEqual({ importAllConversations: false, contactReferenceField: '' }); // no region override
    const set = readOptions(asSent({ import_all_conversations: true, contact_reference_field: 'crm_id', intercom_region: 'eu' }));
    expect(set).toMatchObject({ importAllConversations: true, contactReferenceField: 'crm_id', regionOverride: 'eu' });
  });
});
