/** Status of a sync mapper record. */
export enum SyncMapperRecordStatus {
  OPERATIONAL = 'operational',
  FILTERED = 'filtered',
  IGNORED = 'ignored',
}

/** DevRev object kinds a sync mapper record can target. */
export enum SyncMapperRecordTargetType {
  ACCESS_CONTROL_ENTRY = 'access_control_entry',
  ACCOUNT = 'account',
  AIRDROP_AUTHORIZATION_POLICY = 'airdrop_authorization_policy',
  AIRDROP_FIELD_AUTHORIZATION_POLICY = 'airdrop_field_authorization_policy',
  AIRDROP_PLATFORM_GROUP = 'airdrop_platform_group',
  ARTICLE = 'article',
  ARTIFACT = 'artifact',
  CHAT = 'chat',
  CONVERSATION = 'conversation',
  CUSTOM_OBJECT = 'custom_object',
  DIRECTORY = 'directory',
  GROUP = 'group',
  INCIDENT = 'incident',
  LINK = 'link',
  MEETING = 'meeting',
  OBJECT_MEMBER = 'object_member',
  PART = 'part',
  REV_ORG = 'rev_org',
  ROLE = 'role',
  ROLE_SET = 'role_set',
  TAG = 'tag',
  TIMELINE_COMMENT = 'timeline_comment',
  USER = 'user',
  WORK = 'work',
}

/** A version of an external record that was loaded. */
export interface SyncMapperRecordExternalVersion {
  modified_date: string;
  recipe_version: number;
}

/** Links external ids to DevRev targets for one sync unit. */
export interface SyncMapperRecord {
  id: string;
  external_ids: string[];
  secondary_ids?: Record<string, string>;
  targets: string[];
  status: SyncMapperRecordStatus;
  input_files?: string[];
  external_versions?: SyncMapperRecordExternalVersion[];
  extra_data?: string;
}

/** Query of `airdrop.sync-mapper-record.get-by-target`. */
export interface MappersGetByTargetIdParams {
  sync_unit: string;
  target: string;
}

/** Query of `airdrop.sync-mapper-record.get-by-external-id`. */
export interface MappersGetByExternalIdParams {
  sync_unit: string;
  external_id: string;
  target_type: SyncMapperRecordTargetType | string;
}

/** Body of `airdrop.sync-mapper-record.create`: a record without its id, for a sync unit. */
export interface MappersCreateParams extends Omit<SyncMapperRecord, 'id'> {
  sync_unit: string;
}

/** Body of `airdrop.sync-mapper-record.update`. */
export interface MappersUpdateParams {
  id: string;
  sync_unit: string;
  external_ids: { add: string[] };
  secondary_ids?: { add: Record<string, string> };
  targets: { add: string[] };
  status: SyncMapperRecordStatus;
  input_files?: { add: string[] };
  external_versions?: { add: SyncMapperRecordExternalVersion[] };
  extra_data?: string;
}

/** Response of every sync-mapper-record call. */
export interface MappersRecordResponse {
  sync_mapper_record: SyncMapperRecord;
}
