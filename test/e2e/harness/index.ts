/** The e2e harness: one interface over Chromium (playwright-core) and Firefox (puppeteer-core, BiDi). */
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, LaunchOptions, TestBrowser } from './types';

export { launchChromium, launchFirefox };
export { unpackedExtensionId } from './chromium';
export * from './types';
export { DIST, FIXTURES, REPO_ROOT, poll, sleep } from './common';
export * from './records';

export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export function launch(name: BrowserName, options?: LaunchOptions): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/** Launches `name`, runs `body`, and always closes the browser (a fresh profile per call). */
export async function withBrowser<T>(
  name: BrowserName,
  body: (browser: TestBrowser) => Promise<T>,
  options?: LaunchOptions,
): Promise<T> {
  const browser = await launch(name, options);
  try {
    return await body(browser);
  } finally {
    await browser.close();
  }
}
export * from './pages';
export * from './feed-server';
export * from './isolated';
export * from './pixels';
export * from './recording-proxy';
export * from './extension-dir';
export * from './toolbar';
