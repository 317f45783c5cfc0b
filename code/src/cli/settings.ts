import * as path from 'node:path';
import { z } from 'zod';
import { CliError, ExitCode } from './cli-error';
import { readJsonIfExists, writeFileAtomic } from './fs-safe';
import { REGIONS, type IntercomRegion } from '../intercom/regions';

export { REGIONS };
/** Intercom's regions, as the CLI's `--region` flag spells them. */
export type Region = IntercomRegion;

/** The workspace an output folder belongs to, from `GET /me`. */
export const WorkspaceInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  timezone: z.string().optional(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

/** The import options the snap-in receives as global values (contract §2). */
export const ImportOptionsSchema = z.object({
  allConversations: z.boolean(),
  contactReferenceField: z.string(),
});
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

/**
 * `DIR/settings.json`: what `sync`, `delete` and `report` need to continue an import in DIR.
 * It never holds the token: the token is asked for again on every run.
 */
export const SettingsSchema = z.object({
  version: z.literal(1),
  workspace: WorkspaceInfoSchema,
  /** Regional host or an emulator's base URL. */
  intercomBaseUrl: z.string(),
  /** The region whose host `intercomBaseUrl` is (not with a custom URL). */
  region: z.enum(REGIONS).optional(),
  /** True when `intercomBaseUrl` is not a regional Intercom host (emulator, proxy). */
  customBaseUrl: z.boolean(),
  options: ImportOptionsSchema,
  /** Intercom's allowed requests per 10-second window, as last seen in `X-RateLimit-Limit`. */
  rateLimitPer10s: z.number().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function settingsPath(outDir: string): string {
  return path.join(outDir, 'settings.json');
}

/** Loads `DIR/settings.json`; undefined when the folder has none yet. A damaged file is a clear error. */
export function loadSettings(outDir: string): Settings | undefined {
  const file = settingsPath(outDir);
  const raw = readJsonIfExists(file);
  if (raw === undefined) return undefined;
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      `${file} is not a settings file of this tool (${issue.path.join('.') || 'root'}: ${issue.message}): use another --out folder.`,
      ExitCode.usage,
    );
  }
  return parsed.data;
}

/** Loads the settings of a folder that must already hold an import. */
export function requireSettings(outDir: string, command: string): Settings {
  const settings = loadSettings(outDir);
  if (!settings) {
    throw new CliError(
      `${outDir} holds no import (no settings.json): run "import --out ${outDir}" first, then "${command}".`,
      ExitCode.usage,
    );
  }
  return settings;
}

/** Saves settings atomically. Strips nothing because nothing secret is in the type. */
export function saveSettings(outDir: string, settings: Settings): void {
  writeFileAtomic(settingsPath(outDir), `${JSON.stringify(SettingsSchema.parse(settings), null, 2)}\n`);
}
