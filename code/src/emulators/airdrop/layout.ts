/**
 * The output folder of the platform emulator (contract §4).
 *
 * ```
 * outDir/
 *   artifacts/<artifact id>          raw uploads, as received
 *   attachments/<attachment id>      bytes of extracted attachments, by external id
 *   items/<item_type>.jsonl          merged item store: latest version wins, one line per id between runs
 *   items-index/<item_type>.digests  the item store's index of ids (a cache, rebuilt by each process)
 *   artifact-records/<process>/<artifact id>.json   what the platform knows of a confirmed, unfiled artifact
 *   pushes.jsonl                     every pushed item, one line per push, never de-duplicated
 *   state.json                       the extractor state of the sync unit (parsed)
 *   runs.jsonl                       one RunResult per finished run
 *   platform.json                    the orchestrator's position (resumption)
 *   external_domain_metadata.json    the last metadata the connector uploaded
 *   initial_domain_mapping.json      the last installed initial domain mapping
 *   worker-data/<direction>/<sync unit>.json   the raw state strings the `.get`/`.update` endpoints serve
 *   worker-data/snapshot.json        the extractor state before the invocation in flight
 *   worker-data/reply.json           the reply the platform accepted for the invocation in flight
 *   mappers.json                     sync mapper records
 * ```
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Absolute paths inside one emulator output folder. */
export class OutputLayout {
  constructor(readonly root: string) {}

  get artifactsDir(): string {
    return path.join(this.root, 'artifacts');
  }
  get attachmentsDir(): string {
    return path.join(this.root, 'attachments');
  }
  get itemsDir(): string {
    return path.join(this.root, 'items');
  }
  get stateFile(): string {
    return path.join(this.root, 'state.json');
  }
  get pushLogFile(): string {
    return path.join(this.root, 'pushes.jsonl');
  }
  get runsFile(): string {
    return path.join(this.root, 'runs.jsonl');
  }
  get platformFile(): string {
    return path.join(this.root, 'platform.json');
  }
  get metadataFile(): string {
    return path.join(this.root, 'external_domain_metadata.json');
  }
  get initialDomainMappingFile(): string {
    return path.join(this.root, 'initial_domain_mapping.json');
  }
  get recipeBlueprintsDir(): string {
    return path.join(this.root, 'recipe-blueprints');
  }
  /** The extractor state as it was before the invocation in flight (rolled back if that invocation never ends). */
  get stateSnapshotFile(): string {
    return path.join(this.root, 'worker-data', 'snapshot.json');
  }
  /** The first event emitted for the invocation in flight (`reply-journal.ts`). */
  get replyJournalFile(): string {
    return path.join(this.root, 'worker-data', 'reply.json');
  }
  get mappersFile(): string {
    return path.join(this.root, 'mappers.json');
  }
  workerDataFile(direction: string, syncUnit: string): string {
    return path.join(this.root, 'worker-data', direction, `${encodeURIComponent(syncUnit)}.json`);
  }
  artifactFile(artifactId: string): string {
    return path.join(this.artifactsDir, artifactId);
  }
  attachmentFile(attachmentId: string): string {
    return path.join(this.attachmentsDir, attachmentId);
  }
  itemsFile(itemType: string): string {
    return path.join(this.itemsDir, `${itemType}.jsonl`);
  }
  /** Records of confirmed artifacts not yet filed by an ssor_attachment, one folder per emulator process. */
  get artifactRecordsDir(): string {
    return path.join(this.root, 'artifact-records');
  }
  get itemsIndexDir(): string {
    return path.join(this.root, 'items-index');
  }
  /** The item store's on-disk index of one item type's ids (rebuilt from the items file by each process). */
  itemsIndexFile(itemType: string): string {
    return path.join(this.itemsIndexDir, `${itemType}.digests`);
  }

  /** Creates the folders that must exist before the first request. */
  ensure(): void {
    for (const dir of [this.root, this.artifactsDir, this.attachmentsDir, this.itemsDir, this.itemsIndexDir]) {
      fs.mkdirSync(dir, { recursive: true });
    }
  }
}
