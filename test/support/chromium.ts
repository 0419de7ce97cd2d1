import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's chromium, which .ci/run installs (README, "Browser tests"). */
export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const IN_CI = process.env.CI === 'true';

/** Says, on a developer's machine without chromium, which browser tests are skipped and why. */
export function warnWithoutChromium(testFile: string): void {
  if (!HAVE_CHROMIUM && !IN_CI)
    console.warn(
      `${testFile} skipped: ${CHROMIUM} is missing (apt-get install chromium; see README, "Browser tests").`,
    );
}

/** Headless chromium without its background traffic; `args` adds to the flags (e.g. a fake camera). */
export async function launchChromium(args: readonly string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
}
