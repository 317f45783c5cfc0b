/** Types of the attachments phase and of artifact uploads, as the SDK exports them. */
import type { AxiosResponse } from 'axios';
import type { ErrorRecord } from './common';
import type { AirdropEvent, Artifact, NormalizedAttachment } from './extraction';

/** The record the SDK pushes to `ssor_attachment` for every uploaded file. */
export interface SsorAttachment {
  id: { devrev: string; external: string };
  parent_id: { external: string };
  actor_id?: { external: string };
  inline?: boolean;
}

/** Arguments of the connector's attachment streaming function. */
export interface ExternalSystemAttachmentStreamingParams {
  item: NormalizedAttachment;
  event: AirdropEvent;
}

/** What the streaming function returns: a response whose `data` is a readable stream, an error, or a delay. */
export interface ExternalSystemAttachmentStreamingResponse {
  httpStream?: AxiosResponse;
  error?: ErrorRecord & { statusCode?: number };
  delay?: number;
}

/** The connector's function that opens a download stream for one attachment. */
export type ExternalSystemAttachmentStreamingFunction = (
  params: ExternalSystemAttachmentStreamingParams,
) => Promise<ExternalSystemAttachmentStreamingResponse>;

/** Result of `streamAttachments`: undefined on success. */
export type StreamAttachmentsResponse = { delay?: number; error?: ErrorRecord } | undefined;

/** Result of streaming one attachment. */
export interface ProcessAttachmentReturnType {
  delay?: number;
  error?: ErrorRecord;
}

/** Custom per-attachment processing (accepted for API compatibility). */
export type ExternalProcessAttachmentFunction = (params: {
  attachment: NormalizedAttachment;
  stream: ExternalSystemAttachmentStreamingFunction;
}) => Promise<ProcessAttachmentReturnType | undefined>;

/** Groups attachments into batches (custom processors; accepted for API compatibility). */
export type ExternalSystemAttachmentReducerFunction<Batch> = (params: {
  attachments: NormalizedAttachment[];
  adapter: unknown;
  batchSize?: number;
}) => Batch;

/** Processes the batches made by a reducer (custom processors; accepted for API compatibility). */
export type ExternalSystemAttachmentIteratorFunction<Batch> = (params: {
  reducedAttachments: Batch;
  adapter: unknown;
  stream: ExternalSystemAttachmentStreamingFunction;
}) => Promise<ProcessAttachmentReturnType | undefined>;

/** Response of `airdrop.artifacts.upload-url`. */
export interface ArtifactsPrepareResponse {
  upload_url: string;
  artifact_id: string;
  form_data: { key: string; value: string }[];
}
/** Alias used by the SDK's uploader. */
export type ArtifactToUpload = ArtifactsPrepareResponse;

/** Result of an upload. */
export interface UploadResponse {
  artifact?: Artifact;
  error?: ErrorRecord;
}

/** Result of a stream upload. */
export interface StreamResponse {
  response?: AxiosResponse;
  error?: ErrorRecord;
}
