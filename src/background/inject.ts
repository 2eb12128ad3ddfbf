/**
 * Puts the content script into a tab's page where the manifest did not: a history-API navigation
 * into a recorded document from another page of its site (the manifest's matches name only the
 * documents' own addresses, so the site's home page has no content script), or "Highlight on
 * this page" under activeTab.
 */
import browser, { type Manifest } from 'webextension-polyfill';
import { contentScriptRunning, RUNNING_MARK } from '../../content/once';

/** The built content script and its highlight styles. */
export interface ContentScriptFiles {
  js: string[];
  css: string[];
}

/**
 * The files the manifest's content script is built into (content/index.js and
 * content/highlights.css after the build renames them), read from the manifest so that the
 * injected script is always the declared one.
 */
export function contentScriptFiles(manifest: Manifest.WebExtensionManifest = browser.runtime.getManifest()): ContentScriptFiles {
  const script = manifest.content_scripts?.[0];
  if (!script?.js?.length) throw new Error('The manifest declares no content script to inject');
  return { js: script.js, css: script.css ?? [] };
}

/**
 * Injects the content script and its styles into the top frame of tab `tabId`, unless a live
 * copy already runs in that document (asked first, in the content scripts' isolated world; the
 * script also refuses to start twice, for a copy that arrives between the question and the
 * injection). Rejects when the extension may not script that page (no host permission or
 * activeTab grant, a browser page): callers decide whether that matters.
 */
export async function injectContentScript(tabId: number): Promise<void> {
  const target = { tabId };
  const [probe] = await browser.scripting.executeScript({ target, func: contentScriptRunning, args: [RUNNING_MARK] });
  if (probe?.result === true) return;
  const { js, css } = contentScriptFiles();
  // Styles first, so the first highlights are painted in their severity.
  if (css.length > 0) await browser.scripting.insertCSS({ target, files: css });
  await browser.scripting.executeScript({ target, files: js });
}
