/**
 * The browser's own controls for the extension, driven as a reader drives them: the toolbar
 * button (which grants activeTab for the tab and opens the popup), the keyboard shortcut and the
 * page's context menu. What each browser lets automation reach:
 *
 * - Chromium: the toolbar button through the DevTools command Extensions.triggerAction on the
 *   page's *tab* target (launch with `extensionDebugging`). Key events sent over CDP go to the
 *   page, not to the browser's shortcut handling, and the native context menu is out of reach:
 *   neither the shortcut nor the menu item can be pressed.
 * - Firefox: with --remote-allow-system-access (the harness passes it) WebDriver BiDi reaches the
 *   browser window, so all three: a trusted click on the add-on's toolbar button (pinned to the
 *   toolbar first, as a reader may do), a trusted key
 *   press (nsITextInputProcessor, as Firefox's own tests type) with the address bar focused, and
 *   the page's real context menu (opened by a right click over BiDi input) with our item chosen.
 *
 * The popup, once open, is read and clicked from one of the extension's own pages (`extensionPage`)
 * through extension.getViews({ type: 'popup' }): opening a tab for it would close it.
 */
import { writeFileSync } from 'node:fs';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { poll } from './common';
import { GECKO_ID } from './firefox';
import { inParentProcess } from './firefox-lifecycle';
import type { TestBrowser, TestPage, WaitOptions } from './types';

/** Firefox's id for the add-on's toolbar widget (ExtensionCommon.makeWidgetId). */
const FIREFOX_WIDGET = GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}
type CdpSend = (method: string, params?: object) => Promise<unknown>;

async function chromiumBrowserSession(page: TestPage): Promise<{ send: CdpSend; on: (event: string, listener: (e: never) => void) => void }> {
  const browser = (page.raw as PlaywrightPage).context().browser();
  if (!browser) throw new Error('No browser behind this Chromium context');
  const cdp = await browser.newBrowserCDPSession();
  return {
    send: (method, params) => cdp.send(method as never, params as never),
    on: (event, listener) => cdp.on(event as never, listener as never),
  };
}

/**
 * Presses the extension's toolbar button for the tab showing `page`, which is brought to the
 * front first: the browser grants activeTab for it and opens the popup.
 */
export async function clickToolbar(browser: TestBrowser, page: TestPage): Promise<void> {
  await page.bringToFront();
  if (browser.name === 'chromium') {
    const cdp = await chromiumBrowserSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as { targetInfos: TargetInfo[] };
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`No tab target at ${page.url()}`);
    const id = new URL(browser.extensionOrigin).host;
    await cdp.send('Extensions.triggerAction', { id, targetId: tab.targetId }).catch((error: Error) => {
      throw new Error(`${error.message} (was Chromium launched with extensionDebugging?)`);
    });
    return;
  }
  await inParentProcess(
    (page.raw as PuppeteerPage).browser(),
    `(json) => {
      const widget = JSON.parse(json);
      // Pinned to the toolbar first, as the reader does from the extensions menu: unpinned, the
      // button is built only once that menu opens.
      const { CustomizableUI } = window; // the browser window's own
      if (CustomizableUI.getPlacementOfWidget(widget + '-browser-action')?.area !== CustomizableUI.AREA_NAVBAR) {
        CustomizableUI.addWidgetToArea(widget + '-browser-action', CustomizableUI.AREA_NAVBAR);
      }
      const button = document.getElementById(widget + '-BAP');
      if (!button) throw new Error('No toolbar button for the add-on');
      button.click();
      return 'null';
    }`,
    FIREFOX_WIDGET,
  );
}

/** Firefox: presses `key` (a letter) with modifiers in the browser window, as typed with the address bar focused. */
export async function pressShortcut(browser: TestBrowser, page: TestPage, key: string, modifiers: ('Alt' | 'Shift' | 'Control')[]): Promise<void> {
  if (browser.name !== 'firefox') throw new Error('Chromium gives automation no way to press an extension shortcut');
  await page.bringToFront();
  await inParentProcess(
    (page.raw as PuppeteerPage).browser(),
    `(json) => {
      const { key, modifiers } = JSON.parse(json);
      window.gURLBar.focus();
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) throw new Error('No input transaction for the browser window');
      const codes = { Alt: ['AltLeft', 18], Shift: ['ShiftLeft', 16], Control: ['ControlLeft', 17] };
      const held = modifiers.map((m) => new KeyboardEvent('', { key: m, code: codes[m][0], keyCode: codes[m][1] }));
      for (const event of held) tip.keydown(event);
      const letter = new KeyboardEvent('', { key: key.toUpperCase(), code: 'Key' + key.toUpperCase(), keyCode: key.toUpperCase().charCodeAt(0) });
      tip.keydown(letter);
      tip.keyup(letter);
      for (const event of held.reverse()) tip.keyup(event);
      return 'null';
    }`,
    { key, modifiers },
  );
}

/**
 * Firefox: right-clicks the page at (x, y) with the real pointer, which opens the browser's
 * context menu, and chooses the item whose label is `label` as the reader would.
 */
export async function chooseContextMenuItem(browser: TestBrowser, page: TestPage, x: number, y: number, label: string): Promise<void> {
  if (browser.name !== 'firefox') throw new Error('Chromium gives automation no way into its native context menu');
  const raw = page.raw as PuppeteerPage;
  await page.bringToFront();
  await raw.mouse.click(x, y, { button: 'right' });
  await poll(
    () =>
      inParentProcess<boolean>(
        raw.browser(),
        `(json) => {
          const menu = document.getElementById('contentAreaContextMenu');
          const item = [...menu.querySelectorAll('menuitem')].find((m) => m.label === JSON.parse(json) && !m.hidden);
          if (menu.state !== 'open' || !item) return 'false';
          menu.activateItem(item);
          return 'true';
        }`,
        label,
      ),
    { message: `No "${label}" in the page's context menu` },
  );
}

/** The open popup's text ('' when none is open), read from one of the extension's pages. */
export function popupText(extensionPage: TestPage): Promise<string> {
  return extensionPage.evaluate(() => {
    const [view] = chrome.extension.getViews({ type: 'popup' });
    return view ? view.document.body.innerText : '';
  });
}

/** Waits until the open popup's text contains `expected`, and returns that text. */
export function waitForPopupText(extensionPage: TestPage, expected: string, options: WaitOptions = {}): Promise<string> {
  return extensionPage.waitFor(
    (want: string) => {
      const [view] = chrome.extension.getViews({ type: 'popup' });
      const text = view ? view.document.body.innerText : '';
      return text.includes(want) ? text : '';
    },
    expected,
    { message: `The popup never said "${expected}"`, ...options },
  );
}

/** Closes the open popup, if any, as the popup itself does (window.close()). */
export async function closePopup(extensionPage: TestPage): Promise<void> {
  await extensionPage.evaluate(() => {
    for (const view of chrome.extension.getViews({ type: 'popup' })) view.close();
  });
  await extensionPage.waitFor(() => chrome.extension.getViews({ type: 'popup' }).length === 0, undefined, { message: 'The popup did not close' });
}

/** Clicks the popup's button whose text is `label` (a DOM click: the browser's grant came from the toolbar). */
export async function clickInPopup(extensionPage: TestPage, label: string): Promise<void> {
  const clicked = await extensionPage.evaluate((text: string) => {
    const [view] = chrome.extension.getViews({ type: 'popup' });
    const button = [...(view?.document.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text);
    button?.click();
    return Boolean(button);
  }, label);
  if (!clicked) throw new Error(`No "${label}" button in the popup`);
}

/** Chromium: a screenshot of the open popup as the browser shows it (its own page target, over CDP). */
export async function screenshotPopup(browser: TestBrowser, page: TestPage, file: string): Promise<void> {
  if (browser.name !== 'chromium') throw new Error('Only Chromium exposes the popup as a target');
  const cdp = await chromiumBrowserSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const popup = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(`${browser.extensionOrigin}/popup/popup.html`));
  if (!popup) throw new Error('No popup open');
  // A session of its own, not flattened: playwright's CDP session cannot address a child session.
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false })) as { sessionId: string };
  const answer = new Promise<{ data: string }>((resolve, reject) => {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: { data: string }; error?: { message: string } };
      if (reply.id !== 1) return;
      if (reply.result) resolve(reply.result);
      else reject(new Error(reply.error?.message ?? 'Page.captureScreenshot failed'));
    });
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Page.captureScreenshot', params: { format: 'png' } }) });
  writeFileSync(file, Buffer.from((await answer).data, 'base64'));
}
