/** What the HTTP routes of the emulated platform share: stores, the invocation registry and the token. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ArtifactStore } from './artifact-store';
import type { InvocationRegistry } from './invocations';
import type { OutputLayout } from './layout';
import type { MapperStore } from './mapper-store';
import type { WorkerDataStore } from './worker-data-store';

export interface PlatformServices {
  layout: OutputLayout;
  artifacts: ArtifactStore;
  workerData: WorkerDataStore;
  mappers: MapperStore;
  invocations: InvocationRegistry;
  /** The service-account token events carry; every DevRev endpoint requires it. */
  serviceAccountToken: string;
  /** Key that signs presigned upload/download URLs. */
  urlSigningKey: Buffer;
  /** http://127.0.0.1:<port>, known once listening. */
  baseUrl(): string;
}

/** Signature of a presigned URL for `purpose` (`upload`/`download`) of one artifact. */
export function signArtifactUrl(services: PlatformServices, purpose: string, artifactId: string): string {
  return createHmac('sha256', services.urlSigningKey).update(`${purpose}:${artifactId}`).digest('hex');
}

/** Constant-time check of a presigned URL signature. */
export function verifyArtifactUrl(
  services: PlatformServices,
  purpose: string,
  artifactId: string,
  signature: unknown,
): boolean {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(signArtifactUrl(services, purpose, artifactId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
