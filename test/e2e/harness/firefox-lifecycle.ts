/**
 * Firefox: the state of the extension's event page, suspending it, and installing the add-on
 * (temporarily, permanently, or again over itself as an update).
 *
 * Firefox tells no WebDriver BiDi client about an event page, but with --remote-allow-system-access
 * (which the harness passes anyway) BiDi reaches the browser's own chrome window
 * (browsingContext.getTree with "moz:scope": "chrome"), and script run there reads what Firefox
 * itself knows: WebExtensionPolicy.getByID(id).extension.backgroundState ("starting", "running",
 * "suspending", "stopped") and its "background-script-started" event, counted here.
 *
 * Suspending, in order of preference:
 * - the supported way, the browser's own idle timer: the pref extensions.background.idle.timeout
 *   (LaunchOptions.firefoxBackgroundIdleMs) set low, and waiting until Firefox says "stopped";
 * - otherwise ExtensionParent.DebugUtils.terminateBackgroundScript(id), what about:debugging's
 *   "Terminate background script" button calls.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { poll } from './common';
import type { BackgroundStatus } from './types';
import { packXpi } from './xpi';

type BidiSend = (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;

/** puppeteer's BiDi connection, for the commands (and Firefox extensions of them) it does not wrap. */
const bidi = (browser: Browser): BidiSend => {
  const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
  return (method, params) => connection.send(method, params);
};

/**
 * Runs `functionSource` (a function of one JSON string, returning a JSON string) in Firefox's
 * parent process, in its browser window, and returns the parsed answer.
 */
export async function inParentProcess<T>(browser: Browser, functionSource: string, arg: unknown): Promise<T> {
  const send = bidi(browser);
  const tree = await send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const context = (tree.result.contexts as { context: string }[])[0]?.context;
  if (!context) throw new Error('No chrome window: is --remote-allow-system-access set?');
  const { result } = await send('script.callFunction', {
    functionDeclaration: functionSource,
    arguments: [{ type: 'string', value: JSON.stringify(arg) }],
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') {
    const details = result.exceptionDetails as { text?: string };
    throw new Error(`In Firefox's parent process: ${details.text ?? 'an exception'}`);
  }
  return JSON.parse((result.result as { value: string }).value) as T;
}

/** The add-on's background state, and how often it started since first asked (counted in the window). */
const STATE_SOURCE = `(json) => {
  const id = JSON.parse(json);
  const extension = WebExtensionPolicy.getByID(id)?.extension;
  const watch = (globalThis.__termlightE2eBackground ??= { starts: 0, seen: new WeakSet() });
  if (extension && !watch.seen.has(extension)) {
    watch.seen.add(extension);
    extension.on('background-script-started', () => { watch.starts += 1; });
  }
  return JSON.stringify({ state: extension ? extension.backgroundState : 'not installed', starts: watch.starts });
}`;

const TERMINATE_SOURCE = `async (json) => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  await ExtensionParent.DebugUtils.terminateBackgroundScript(JSON.parse(json));
  return 'null';
}`;

export function firefoxBackground(browser: Browser, addonId: string, idleMs: number | undefined) {
  const state = () => inParentProcess<{ state: string; starts: number }>(browser, STATE_SOURCE, addonId);
  const backgroundStatus = async (): Promise<BackgroundStatus> => {
    const { state: now, starts } = await state();
    return { running: now !== 'stopped' && now !== 'not installed', starts };
  };
  return {
    backgroundStatus,
    /** Resolves once Firefox has the add-on running (after a launch on a profile that has it). */
    waitForAddon: () =>
      poll(async () => (await state()).state !== 'not installed', { timeout: 30_000, message: `Add-on ${addonId} never started` }),
    async stopBackground() {
      if (idleMs === undefined && (await backgroundStatus()).running) {
        await inParentProcess(browser, TERMINATE_SOURCE, addonId);
      }
      await poll(async () => (await state()).state === 'stopped', {
        // The idle timer restarts with every event; a page that keeps the background busy never lets it lapse.
        timeout: Math.max(20_000, (idleMs ?? 0) * 10),
        message: idleMs === undefined ? 'The event page was not suspended' : `The event page was not suspended after ${idleMs} ms idle`,
      });
    },
  };
}

/** Installs the folder `dir` as an add-on, temporarily (BiDi's default) or permanently (as an .xpi). */
export async function installAddon(browser: Browser, dir: string, permanent: boolean): Promise<string> {
  if (!permanent) return browser.installExtension(dir);
  const xpi = packXpi(dir);
  try {
    const { result } = await bidi(browser)('webExtension.install', {
      extensionData: { type: 'archivePath', path: xpi },
      'moz:permanent': true,
    });
    return result.extension as string;
  } finally {
    // Firefox keeps its own copy in the profile.
    rmSync(path.dirname(xpi), { recursive: true, force: true });
  }
}
