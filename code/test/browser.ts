/**
 * Headless Chromium from npm: `@sparticuz/chromium` ships a self-contained build inside the package
 * (it needs only libc, libexpat and libgcc), so `npm ci` is all a fresh machine needs; no system browser
 * is ever used.
 */
import type { Browser } from 'playwright-core';

type ChromiumPackage = typeof import('@sparticuz/chromium').default;

/** The package's CommonJS build, whose module.exports is the class (jest cannot load its ES module build). */
function chromiumPackage(): ChromiumPackage {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@sparticuz/chromium') as ChromiumPackage;
  } catch (err) {
    throw new Error(`@sparticuz/chromium is not installed (${(err as Error).message.split('\n')[0]}): run "npm ci".`);
  }
}

/**
 * Unpacks the bundled binary (once: later calls find it in the temp folder) and returns its path.
 * The jest global setup calls it before the workers start, so two test files never unpack it at once.
 */
export function chromiumExecutable(): Promise<string> {
  return chromiumPackage().executablePath();
}

// The package's flags for its build, less the two that would loosen what a page may load.
const LOOSENING = new Set(['--disable-web-security', '--allow-running-insecure-content']);

/** Launches the bundled Chromium headless. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const executablePath = await chromiumExecutable();
  try {
    return await chromium.launch({ executablePath, headless: true, args: chromiumPackage().args.filter((a) => !LOOSENING.has(a)) });
  } catch (err) {
    throw new Error(
      `The Chromium bundled with @sparticuz/chromium (unpacked at ${executablePath}) did not start: ${(err as Error).message}. ` +
        `If an earlier unpack was interrupted, delete ${executablePath} and run the tests again.`,
    );
  }
}
