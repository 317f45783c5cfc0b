import { CliError, ExitCode } from './cli-error';
import type { Settings, WorkspaceInfo } from './settings';

/**
 * Refuses to mix two workspaces in one output folder: the workspace saved in DIR must be the one behind
 * the token (from `/me`).
 */
export function assertSameWorkspace(outDir: string, saved: Settings | undefined, actual: WorkspaceInfo): void {
  if (!saved || saved.workspace.id === actual.id) return;
  throw new CliError(
    `${outDir} holds an import of workspace "${saved.workspace.name}" (${saved.workspace.id}), but the token belongs to "${actual.name}" (${actual.id}): use another --out folder, or the token of "${saved.workspace.name}".`,
    ExitCode.wrongWorkspace,
  );
}
