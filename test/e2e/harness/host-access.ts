/**
 * Host access the reader grants or takes back, driven the closest way each browser allows.
 *
 * - Granting through the extension's own permissions.request prompt: Firefox answers it itself
 *   with the pref extensions.webextOptionalPermissionPrompts = false (GRANT_WITHOUT_PROMPT_PREFS),
 *   still only inside a real click. Headless Chromium shows a prompt nothing can answer (no CDP
 *   command, no switch: --apps-gallery-install-auto-confirm-for-tests, --enable-automation and
 *   chrome://extensions' developerPrivate.addHostPermission / addUserSpecifiedSites were tried and
 *   leave it pending or grant nothing to an optional permission): the request is observed pending
 *   (spyOnPermissionRequests), and the grant is written into the profile as Chromium writes it
 *   when the reader clicks "Allow" (grantInChromiumProfile), between two launches.
 * - Taking back in the browser's own settings: Chromium's chrome://extensions site access
 *   (developerPrivate.removeHostPermission, its "remove site" button); Firefox's about:addons
 *   permission switch (ExtensionPermissions.remove in the parent process, which it calls).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { GECKO_ID } from './firefox';
import { inParentProcess } from './firefox-lifecycle';
import type { TestBrowser, TestPage } from './types';

/** Firefox grants optional permissions asked for in a click without showing its prompt. */
export const GRANT_WITHOUT_PROMPT_PREFS = { 'extensions.webextOptionalPermissionPrompts': false };

/**
 * Records the origins of every permissions.request the page makes from now on (the call still
 * goes to the browser, unchanged), for a test to read with requestedOrigins().
 */
export async function spyOnPermissionRequests(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome).permissions as unknown as {
      request(permissions: { origins?: string[] }): Promise<boolean>;
    };
    const record: string[][] = [];
    (globalThis as { __termlightRequested?: string[][] }).__termlightRequested = record;
    const original = api.request.bind(api);
    api.request = (permissions) => {
      record.push([...(permissions.origins ?? [])]);
      return original(permissions);
    };
  });
}

/** The origins of each request made since spyOnPermissionRequests. */
export function requestedOrigins(page: TestPage): Promise<string[][]> {
  return page.evaluate(() => (globalThis as { __termlightRequested?: string[][] }).__termlightRequested ?? []);
}

/**
 * Chromium, between two launches on `profileDir`: what Chromium stores when the reader answers
 * "Allow" to the extension's request for `origins` (its active and granted host permissions).
 */
export function grantInChromiumProfile(profileDir: string, extensionId: string, origins: readonly string[]): void {
  const file = path.join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as {
    extensions: { settings: Record<string, Record<string, Record<string, string[] | undefined> | undefined>> };
  };
  const settings = prefs.extensions.settings[extensionId];
  if (!settings) throw new Error(`No extension ${extensionId} in ${file}`);
  for (const set of ['active_permissions', 'granted_permissions']) {
    const held = (settings[set] ??= {});
    for (const kind of ['explicit_host', 'scriptable_host']) held[kind] = [...new Set([...(held[kind] ?? []), ...origins])];
  }
  writeFileSync(file, JSON.stringify(prefs));
}

/** Takes back the extension's access to `origin` in the browser's own settings, as the reader can. */
export async function revokeInBrowserSettings(browser: TestBrowser, page: TestPage, origin: string): Promise<void> {
  if (browser.name === 'chromium') {
    const id = new URL(browser.extensionOrigin).host;
    const admin = await (page.raw as PlaywrightPage).context().newPage();
    try {
      await admin.goto('chrome://extensions');
      await admin.evaluate(
        async ({ id, origin }) => {
          const api = (chrome as unknown as { developerPrivate: { removeHostPermission(id: string, host: string): Promise<void> } }).developerPrivate;
          await api.removeHostPermission(id, origin);
        },
        { id, origin },
      );
    } finally {
      await admin.close();
    }
    return;
  }
  await inParentProcess(
    (page.raw as PuppeteerPage).browser(),
    `async (json) => {
      const { id, origin } = JSON.parse(json);
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      await ExtensionPermissions.remove(id, { permissions: [], origins: [origin] }, WebExtensionPolicy.getByID(id)?.extension);
      return 'null';
    }`,
    { id: GECKO_ID, origin },
  );
}

/**
 * What the browser's install prompt says about the built extension, one line per permission:
 * Chromium's warnings for its manifest (management.getPermissionWarningsByManifest, the install
 * dialog's own list, asked from an extension page), and for the same manifest without
 * optional_host_permissions; Firefox's install prompt lines (ExtensionData.formatPermissionStrings
 * over the installed add-on's installPermissions, as the install dialog does).
 */
export async function installPromptLines(
  browser: TestBrowser,
  extensionPage: TestPage,
): Promise<{ asBuilt: string[]; withoutOptional?: string[]; optionalOrigins?: string[] }> {
  if (browser.name === 'chromium') {
    return extensionPage.evaluate(async () => {
      const manifest = (await (await fetch('/manifest.json')).json()) as Record<string, unknown>;
      const warnings = (m: object) => chrome.management.getPermissionWarningsByManifest(JSON.stringify(m));
      const { optional_host_permissions: _optional, ...without } = manifest;
      return { asBuilt: await warnings(manifest), withoutOptional: await warnings(without) };
    });
  }
  return inParentProcess(
    (extensionPage.raw as PuppeteerPage).browser(),
    `async (json) => {
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const { ExtensionData } = ChromeUtils.importESModule('resource://gre/modules/Extension.sys.mjs');
      const addon = await AddonManager.getAddonByID(JSON.parse(json));
      const strings = ExtensionData.formatPermissionStrings({ addon, permissions: addon.installPermissions }, { fullDomainsList: true });
      return JSON.stringify({ asBuilt: strings.msgs, optionalOrigins: Object.values(strings.optionalOrigins ?? {}) });
    }`,
    GECKO_ID,
  );
}
