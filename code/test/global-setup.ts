/**
 * Runs once before the jest workers start: unpack the bundled Chromium here, never in two workers at once.
 * A worktree whose node_modules predates the dependency still runs every other test; the browser tests
 * then fail with the message of `launchChromium`.
 */
export default async function globalSetup(): Promise<void> {
  if (!isInstalled('@sparticuz/chromium')) return;
  const { chromiumExecutable } = await import('./browser');
  await chromiumExecutable();
}

function isInstalled(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
