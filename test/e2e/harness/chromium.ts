/**
 * Chromium through playwright-core: a persistent context (extensions need one) on a fresh
 * profile, the unpacked extension loaded with --load-extension, pages served at their real
 * addresses with context.route.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  DIST,
  ServedPages,
  poll,
  probeReaders,
  requireBuilt,
} from './common';
import { chromiumBackground } from './chromium-lifecycle';
import type { LaunchOptions, ServedRequest, TestBrowser, TestPage } from './types';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function wrap(page: Page): TestPage {
  const self: TestPage = {
    raw: page,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, options) =>
      poll<never>(() => page.evaluate(fn as never, arg), options),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (code, modifiers = []) => page.keyboard.press([...modifiers, code].join('+')),
    click: (selector) => page.click(selector),
    fillByLabel: (label, text) => page.getByLabel(label, { exact: true }).fill(text),
    uploadByLabel: (label, file) => page.getByLabel(label, { exact: true }).setInputFiles(file),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (file, options) => {
      await page.screenshot({ path: file, fullPage: options?.fullPage ?? false });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
  return self;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser> {
  const extDir = options.extensionDir ?? DIST.chromium;
  requireBuilt(extDir);
  // A given profile folder is kept (a later launch on it is a browser restart); a fresh one is not.
  const keepProfile = options.profileDir !== undefined;
  if (options.profileDir) await mkdir(options.profileDir, { recursive: true });
  const profile = options.profileDir ?? (await mkdtemp(path.join(os.tmpdir(), 'termlight-chromium-')));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      viewport: { width: 1280, height: 900 },
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      args: [
        `--disable-extensions-except=${extDir}`,
        `--load-extension=${extDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...(options.acceptInsecureCerts ? ['--ignore-certificate-errors'] : []),
        ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
        // <-loopback> removes the implicit bypass of localhost, so the feed goes through it too.
        ...(options.proxy ? [`--proxy-server=http://${options.proxy}`, '--proxy-bypass-list=<-loopback>'] : []),
      ],
    });
  } catch (error) {
    if (!keepProfile) await rm(profile, { recursive: true, force: true });
    throw error;
  }

  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  const origin = `chrome-extension://${extensionId}`;

  const served = new ServedPages();
  const log: ServedRequest[] = [];
  // Local servers of the tests themselves (the HTTPS feed) are reached for real.
  await context.route(
    (url) => (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== 'localhost',
    (route) => {
      const request = route.request();
      const url = request.url();
      log.push({ url, method: request.method(), headers: request.headers(), postData: request.postData() });
      return route.fulfill(served.response(url));
    },
  );

  // The blank tab a persistent context starts with is left alone; tests open their own tabs.
  let probe: TestPage | null = null;
  const openExtensionPage = async (pagePath: string): Promise<TestPage> => {
    const page = await context.newPage();
    await page.goto(`${origin}/${pagePath}`);
    return wrap(page);
  };
  const getProbe = async () => (probe ??= await openExtensionPage('popup/options.html'));
  const background = chromiumBackground(context, extensionId, extDir, () => {
    probe = null;
  });

  return {
    name: 'chromium',
    extensionOrigin: origin,
    async serve(url, html, serveOptions) {
      served.set(url, html, serveOptions?.headers);
    },
    served: log,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    extensionUrl: (pagePath) => `${origin}/${pagePath}`,
    openExtensionPage,
    async waitForPage(prefix) {
      const found = await poll(async () => context.pages().find((p) => p.url().startsWith(prefix)), {
        message: `No tab opened at ${prefix}`,
      });
      await found.waitForLoadState();
      return wrap(found);
    },
    ...probeReaders(getProbe),
    backgroundStatus: () => background.backgroundStatus(),
    stopBackground: () => background.stopBackground(),
    reloadExtension: () => background.reloadExtension(),
    async close() {
      await context.close().catch(() => undefined);
      if (!keepProfile) await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The id Chromium gives an unpacked extension: the first 32 hex digits of the SHA-256 of its
 * absolute path, written with the letters a-p. Lets a test prepare a profile before launch.
 */
export function unpackedExtensionId(extensionDir: string = DIST.chromium): string {
  const hex = createHash('sha256').update(path.resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
