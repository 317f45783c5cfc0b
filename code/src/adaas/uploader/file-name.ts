import { MAX_FILE_EXTENSION_LENGTH, MAX_FILE_NAME_LENGTH } from '../common/constants';

/** Cuts a file name to 256 chars, keeping its extension when that is at most 20 chars long. */
export function truncateFileName(name: string): string {
  if (name.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  if (!ext || ext.length > MAX_FILE_EXTENSION_LENGTH) return name.slice(0, MAX_FILE_NAME_LENGTH);
  return name.slice(0, MAX_FILE_NAME_LENGTH - ext.length) + ext;
}
