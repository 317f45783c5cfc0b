/**
 * Where the project's shared references live: the `shared/` folder beside the repository (as CI
 * lays it out), or SHARED_DIR when set.
 */
import * as fs from 'fs';
import * as path from 'path';

function sharedDir(): string {
  const candidates = [process.env.SHARED_DIR, path.resolve(__dirname, '../../../shared'), '/work/shared'];
  const found = candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'intercom-openapi')));
  if (!found) throw new Error(`No shared/ folder beside the repository (looked in ${candidates.filter(Boolean).join(', ')}); set SHARED_DIR.`);
  return found;
}

export const SHARED_DIR = sharedDir();
/** Intercom's OpenAPI description of the pinned version. */
export const INTERCOM_OPENAPI_2_16 = path.join(SHARED_DIR, 'intercom-openapi/2.16/api.intercom.io.yaml');
/** The external domain metadata JSON Schema published with the SDK. */
export const METADATA_SCHEMA = path.join(SHARED_DIR, 'schemas/external_domain_metadata_schema.json');
/** The official `@devrev/ts-adaas` package (ADAAS_SDK_TGZ overrides). */
export const ADAAS_SDK_TGZ = process.env.ADAAS_SDK_TGZ
  ? path.resolve(process.env.ADAAS_SDK_TGZ)
  : path.join(SHARED_DIR, 'vendor/devrev-ts-adaas-1.20.0.tgz');
