/**
 * Chromium: stopping the extension's service worker and updating the extension in place.
 *
 * The worker is watched through CDP's ServiceWorker domain on a blank tab of the harness' own
 * (an extension reload closes the extension's tabs; a blank tab stays): Chromium reports every
 * running-status change of the worker (starting, running, stopping, stopped). Playwright's
 * context.serviceWorkers() is no use for this: its Worker stays listed while the worker is
 * stopped and simply follows the next one.
 *
 * Stopping: CDP ServiceWorker.stopWorker on the worker's version, which is what
 * chrome://serviceworker-internals' "Stop" does, then waiting for "stopped".
 *
 * Updating: an unpacked extension's id comes from its folder, so the test overwrites the folder
 * it was loaded from and the extension is reloaded from it with chrome://extensions' own API
 * (developerPrivate.reload, its "reload" button). Chromium refuses to reload an unpacked
 * extension outside developer mode (it is then disabled, DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION),
 * so developer mode is switched on first, as a developer would.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { poll } from './common';
import { manifestVersion } from './extension-dir';
import type { BackgroundStatus } from './types';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

export interface BackgroundControl {
  backgroundStatus(): Promise<BackgroundStatus>;
  stopBackground(): Promise<void>;
  reloadExtension(): Promise<string>;
}

export function chromiumBackground(
  context: BrowserContext,
  extensionId: string,
  extensionDir: string,
  /** Called once the extension was reloaded: its tabs (the harness' probe among them) are gone. */
  onReloaded: () => void,
): BackgroundControl {
  const origin = `chrome-extension://${extensionId}/`;
  /** Latest running status of each of our worker's versions, by version id. */
  const versions = new Map<string, string>();
  let starts = 0;
  let watching: Promise<CDPSession> | null = null;

  const watch = () =>
    (watching ??= (async () => {
      const tab = await context.newPage();
      const session = await context.newCDPSession(tab);
      session.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: WorkerVersion[] }) => {
        for (const version of updated) {
          if (!version.scriptURL.startsWith(origin)) continue;
          if (version.runningStatus === 'running' && versions.get(version.versionId) !== 'running') starts += 1;
          versions.set(version.versionId, version.runningStatus);
        }
      });
      await session.send('ServiceWorker.enable');
      await poll(async () => versions.size > 0, { message: 'Chromium never reported the extension’s service worker' });
      return session;
    })());

  const status = async (): Promise<BackgroundStatus> => {
    await watch();
    return { running: [...versions.values()].some((s) => s !== 'stopped'), starts };
  };

  return {
    backgroundStatus: status,

    async stopBackground() {
      const session = await watch();
      const stopRunning = async () => {
        for (const [versionId, runningStatus] of versions) {
          if (runningStatus !== 'stopped') await session.send('ServiceWorker.stopWorker', { versionId });
        }
      };
      await stopRunning();
      // An event already on its way (a page's report, an extension page's request) can start the
      // worker again just after the stop, as it would for a reader: stop it again, as Chromium
      // would after its idle time, until it stays stopped.
      let asked = Date.now();
      await poll(
        async () => {
          if ((await status()).running && Date.now() - asked > 2_000) {
            asked = Date.now();
            await stopRunning();
          }
          return !(await status()).running;
        },
        { message: 'The service worker did not stop' },
      );
    },

    async reloadExtension() {
      const expected = manifestVersion(extensionDir);
      const admin = await context.newPage();
      try {
        await admin.goto('chrome://extensions');
        const failure = await admin.evaluate(async (id: string) => {
          const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
          await api.updateProfileConfiguration({ inDeveloperMode: true });
          const error = await api.reload(id, { failQuietly: false, populateErrorForUnpacked: true });
          return error ? JSON.stringify(error) : null;
        }, extensionId);
        if (failure) throw new Error(`Chromium could not reload the extension: ${failure}`);
      } finally {
        await admin.close();
      }
      onReloaded();
      // The new version is running once one of its pages says so.
      return poll(
        async () => {
          const page = await context.newPage();
          try {
            await page.goto(`${origin}popup/options.html`);
            const version = await page.evaluate(() => chrome.runtime.getManifest().version);
            return version === expected ? version : null;
          } finally {
            await page.close();
          }
        },
        { timeout: 30_000, message: `Version ${expected} never came up after the reload` },
      );
    },
  };
}

/** The part of chrome://extensions' private API used here. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  reload(id: string, options: { failQuietly: boolean; populateErrorForUnpacked: boolean }): Promise<unknown>;
}
