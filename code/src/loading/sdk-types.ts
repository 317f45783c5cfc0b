/**
 * Loader types the official SDK uses but does not export by name, derived from the exported
 * `WorkerAdapter` signatures so they are the SDK's own whichever runtime is in place.
 */
import type { WorkerAdapter } from '../adaas';

type Adapter = WorkerAdapter<unknown>;

/** One entry of `loadItemTypes({ itemTypesToLoad })`: an item type with its create/update functions. */
export type ItemTypeToLoad = Parameters<Adapter['loadItemTypes']>[0]['itemTypesToLoad'][number];
/** One per-item-type count line the adapter sends with loader events. */
export type LoaderReport = Adapter['reports'][number];
/** The sync mapper client (`adapter.mappers`). */
export type Mappers = Adapter['mappers'];
