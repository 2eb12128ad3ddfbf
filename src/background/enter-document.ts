/**
 * A single-page site can move a tab into a recorded document without loading a new one (the
 * history API): the site's home page, say, then its terms. The manifest puts the content script
 * only on the documents' own addresses, so that page has none; the background brings it in.
 */
import { recordsForUrl } from '../store/lookup';
import { injectContentScript } from './inject';
import { database } from './records-db';

/**
 * Called when tab `tabId` moved to `url` and no content script answered there. Injects the
 * content script (which then looks the page up, anchors and badges as on a loaded document) if
 * `url` is an address the records know, and nothing anywhere else: a site's other pages carry no
 * script at all. Resolves to whether `url` is a recorded document (its page then has the script).
 */
export async function enterDocument(tabId: number, url: string): Promise<boolean> {
  const { records } = await recordsForUrl(await database(), url);
  if (records.length === 0) return false;
  await injectContentScript(tabId);
  return true;
}
