/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi. The extension is installed as a
 * temporary add-on (BiDi webExtension.install) into puppeteer's fresh temporary profile, with
 * its moz-extension host pinned by the extensions.webextensions.uuids pref. Pages are served at
 * their real addresses by BiDi request interception (network.addIntercept + provideResponse),
 * set on every tab the harness opens: no local server, no certificates, no resolver rules.
 */
import { mkdirSync } from 'node:fs';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import {
  DIST,
  ServedPages,
  controlByLabelSource,
  poll,
  probeReaders,
  requireBuilt,
} from './common';
import { manifestVersion } from './extension-dir';
import { firefoxBackground, installAddon } from './firefox-lifecycle';
import type { LaunchOptions, ServedRequest, TestBrowser, TestPage } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'termlight@termlight.dev';
/** Any fixed UUID will do; it makes extension URLs predictable across runs. */
export const FIREFOX_EXTENSION_UUID = '6f1d3c1e-8a55-4a4e-9c1f-2b7e6d0a4c11';

/** Every protocol through one HTTP proxy, localhost included (Firefox bypasses it by default). */
function proxyPrefs(proxy: string): Record<string, unknown> {
  const [host, port] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
  };
}

function wrap(page: Page): TestPage {
  const control = async (label: string) => {
    const handle = await page.evaluateHandle(controlByLabelSource, label);
    const element = handle.asElement();
    if (!element) throw new Error(`No form control labelled "${label}"`);
    return element as unknown as import('puppeteer-core').ElementHandle<HTMLInputElement>;
  };
  const self: TestPage = {
    raw: page,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    waitFor: (fn, arg, options) =>
      poll<never>(() => page.evaluate(fn as never, arg), options),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: async (code, modifiers = []) => {
      for (const key of modifiers) await page.keyboard.down(key);
      await page.keyboard.press(code as never);
      for (const key of [...modifiers].reverse()) await page.keyboard.up(key);
    },
    click: (selector) => page.click(selector),
    async fillByLabel(label, text) {
      const input = await control(label);
      await input.click({ count: 3 });
      await input.type(text);
    },
    async uploadByLabel(label, file) {
      const input = await control(label);
      await input.uploadFile(...([] as string[]).concat(file));
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (file, options) => {
      await page.screenshot({ path: file, fullPage: options?.fullPage ?? false });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
  return self;
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<TestBrowser> {
  const extDir = options.extensionDir ?? DIST.firefox;
  requireBuilt(extDir);
  const install = options.firefoxInstall ?? 'temporary';
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    protocol: 'webDriverBiDi',
    // Without it Firefox refuses BiDi access to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    extraPrefsFirefox: {
      ...(options.firefoxBackgroundIdleMs !== undefined
        ? { 'extensions.background.idle.timeout': options.firefoxBackgroundIdleMs }
        : {}),
      // An unsigned add-on installed for good (ESR honours this pref; release builds do not).
      ...(install !== 'temporary' ? { 'xpinstall.signatures.required': false } : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      ...(options.proxy ? proxyPrefs(options.proxy) : {}),
      // 0 dark, 1 light (2 the system's, 3 the browser theme's).
      ...(options.colorScheme
        ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 }
        : {}),
      ...options.firefoxPrefs,
    },
  });
  const background = firefoxBackground(browser, GECKO_ID, options.firefoxBackgroundIdleMs);
  try {
    if (install === 'none') await background.waitForAddon();
    else await installAddon(browser, extDir, install === 'permanent');
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const served = new ServedPages();
  const log: ServedRequest[] = [];

  const intercept = async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (!/^https?:/.test(url) || new URL(url).hostname === 'localhost') {
        void request.continue();
        return;
      }
      const entry: ServedRequest = { url, method: request.method(), headers: request.headers(), postData: null };
      log.push(entry);
      // postData() needs CDP; over BiDi the body is fetched on its own.
      if (request.hasPostData()) {
        request.fetchPostData().then(
          (body) => void (entry.postData = body ?? null),
          () => void (entry.postData = '(body not readable)'),
        );
      }
      void request.respond(served.response(url));
    });
  };

  let probe: TestPage | null = null;
  const openExtensionPage = async (pagePath: string): Promise<TestPage> => {
    const page = await browser.newPage();
    const url = `${origin}/${pagePath}`;
    // Firefox never reports the load of a moz-extension:// page over BiDi: start it, then poll.
    page.goto(url).catch(() => undefined);
    const wrapped = wrap(page);
    await wrapped.waitFor(
      (expected: string) => location.href === expected && document.readyState === 'complete',
      url,
      { message: `Loading ${url}` },
    );
    return wrapped;
  };
  const getProbe = async () => (probe ??= await openExtensionPage('popup/options.html'));
  const reloadExtension = async (): Promise<string> => {
    const expected = manifestVersion(extDir);
    const old = probe;
    probe = null;
    await installAddon(browser, extDir, install !== 'temporary');
    await old?.close().catch(() => undefined);
    const page = await openExtensionPage('popup/options.html');
    try {
      const version = await page.evaluate(() => chrome.runtime.getManifest().version);
      if (version !== expected) throw new Error(`Firefox runs version ${version} after installing ${expected}`);
      return version;
    } finally {
      await page.close();
    }
  };

  return {
    name: 'firefox',
    extensionOrigin: origin,
    async serve(url, html, serveOptions) {
      served.set(url, html, serveOptions?.headers);
    },
    served: log,
    async open(url) {
      const page = await browser.newPage();
      await intercept(page);
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    extensionUrl: (pagePath) => `${origin}/${pagePath}`,
    openExtensionPage,
    async waitForPage(prefix) {
      // BiDi reports moz-extension:// tabs as about:blank, so ask each tab where it is.
      const found = await poll(
        async () => {
          for (const p of await browser.pages()) {
            const href = await p.evaluate(() => location.href).catch(() => '');
            if (href.startsWith(prefix)) return p;
          }
          return null;
        },
        { message: `No tab opened at ${prefix}` },
      );
      const wrapped = wrap(found);
      await wrapped.waitFor(() => document.readyState === 'complete', undefined, { message: `Loading ${prefix}` });
      return wrapped;
    },
    ...probeReaders(getProbe),
    backgroundStatus: () => background.backgroundStatus(),
    stopBackground: () => background.stopBackground(),
    reloadExtension,
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
