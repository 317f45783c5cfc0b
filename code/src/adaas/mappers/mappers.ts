import type { AxiosResponse } from 'axios';
import type { AirdropEvent } from '../types/extraction';
import type {
  MappersCreateParams,
  MappersGetByExternalIdParams,
  MappersGetByTargetIdParams,
  MappersRecordResponse,
  MappersUpdateParams,
} from '../types/mappers';
import { axiosClient } from '../http/axios-client';
import { internalUrl, rawAuthHeaders } from '../http/platform-headers';

/** Sync mapper record API (`/internal/airdrop.sync-mapper-record.*`), raw service-account auth. */
export class Mappers {
  private readonly event: AirdropEvent;

  constructor({ event }: { event: AirdropEvent }) {
    this.event = event;
  }

  /** Record whose targets contain the DevRev id; the platform answers 404 when there is none. */
  getByTargetId(params: MappersGetByTargetIdParams): Promise<AxiosResponse<MappersRecordResponse>> {
    return axiosClient.get(internalUrl(this.event, 'airdrop.sync-mapper-record.get-by-target'), {
      params,
      headers: rawAuthHeaders(this.event),
    });
  }

  /** Record of an external id for a target type. */
  getByExternalId(params: MappersGetByExternalIdParams): Promise<AxiosResponse<MappersRecordResponse>> {
    return axiosClient.get(internalUrl(this.event, 'airdrop.sync-mapper-record.get-by-external-id'), {
      params,
      headers: rawAuthHeaders(this.event),
    });
  }

  /** Creates a record. */
  create(params: MappersCreateParams): Promise<AxiosResponse<MappersRecordResponse>> {
    return axiosClient.post(internalUrl(this.event, 'airdrop.sync-mapper-record.create'), params, {
      headers: rawAuthHeaders(this.event),
    });
  }

  /** Adds ids/targets/versions to a record. */
  update(params: MappersUpdateParams): Promise<AxiosResponse<MappersRecordResponse>> {
    return axiosClient.post(internalUrl(this.event, 'airdrop.sync-mapper-record.update'), params, {
      headers: rawAuthHeaders(this.event),
    });
  }
}
