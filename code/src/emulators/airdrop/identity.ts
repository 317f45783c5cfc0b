/** Fixed identities the emulated platform uses in events and in `snap-ins.get` (values look like DevRev's). */
export const PLATFORM_IDENTITY = {
  devOid: 'don:identity:dvrv-us-1:devo/0',
  devOrg: 'DEV-0',
  devUid: 'don:identity:dvrv-us-1:devo/0:devu/1',
  devUser: 'DEVU-1',
  snapInId: 'don:integration:dvrv-us-1:devo/0:snap_in/1',
  snapInVersionId: 'don:integration:dvrv-us-1:devo/0:snap_in_package/1:snap_in_version/1',
  snapInSlug: 'airdrop-intercom-snap-in',
  importSlug: 'airdrop-intercom',
  externalSystemType: 'ADaaS',
  syncTier: 'sync_tier_2',
} as const;

/** Route paths of the emulated platform (appended to the emulator's base URL). */
export const ROUTES = {
  callback: '/internal/airdrop.external-extractor.message',
  workerDataBase: '/internal/airdrop.external-worker',
  uploadUrl: '/internal/airdrop.artifacts.upload-url',
  confirmUpload: '/internal/airdrop.artifacts.confirm-upload',
  downloadUrl: '/internal/airdrop.artifacts.download-url',
  snapInsGet: '/internal/snap-ins.get',
  blueprintsCreate: '/internal/airdrop.recipe.blueprints.create',
  idmInstall: '/internal/airdrop.recipe.initial-domain-mappings.install',
  mapperGetByTarget: '/internal/airdrop.sync-mapper-record.get-by-target',
  mapperGetByExternalId: '/internal/airdrop.sync-mapper-record.get-by-external-id',
  mapperCreate: '/internal/airdrop.sync-mapper-record.create',
  mapperUpdate: '/internal/airdrop.sync-mapper-record.update',
  /** Presigned-style upload/download of artifact bytes (no DevRev auth, a signature in the query). */
  artifactUpload: '/artifact-upload',
  artifactDownload: '/artifact-download',
} as const;
