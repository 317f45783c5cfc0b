/** Runs once before the jest workers start: unpack the bundled Chromium here, never in two workers at once. */
import { chromiumExecutable } from './browser';

export default async function globalSetup(): Promise<void> {
  await chromiumExecutable();
}
