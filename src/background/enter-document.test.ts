import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const injected: { tabId: number; what: string }[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      getManifest: () => ({ version: '0.1.0', content_scripts: [{ matches: [], js: ['content/index.js'], css: ['content/highlights.css'] }] }),
    },
    scripting: {
      executeScript: async ({ target, files }: { target: { tabId: number }; files?: string[] }) => {
        // The probe finds no content script in the page.
        if (!files) return [{ frameId: 0, result: false }];
        injected.push({ tabId: target.tabId, what: files.join() });
        return [{ frameId: 0, result: undefined }];
      },
      insertCSS: async ({ target, files }: { target: { tabId: number }; files: string[] }) =>
        void injected.push({ tabId: target.tabId, what: files.join() }),
    },
  },
}));

const { enterDocument } = await import('./enter-document');

beforeEach(() => {
  injected.length = 0;
});

describe('enterDocument: a tab moved to a new address with no content script there', () => {
  it('a recorded document (the bundled Service Specific Terms, in any of its address forms) gets the script and its styles', async () => {
    expect(await enterDocument(3, 'https://www.anthropic.com/legal/service-specific-terms')).toBe(true);
    expect(injected).toEqual([
      { tabId: 3, what: 'content/highlights.css' },
      { tabId: 3, what: 'content/index.js' },
    ]);
    injected.length = 0;
    expect(await enterDocument(4, 'https://www.anthropic.com/legal/service-specific-terms/?utm_source=news#b')).toBe(true);
    expect(injected.map((i) => i.tabId)).toEqual([4, 4]);
  });

  it('any other page, on the same site or not, gets nothing', async () => {
    for (const url of ['https://www.anthropic.com/', 'https://www.anthropic.com/legal', 'https://www.anthropic.com/news/some-post', 'https://example.org/legal/service-specific-terms', 'not a url']) {
      expect(await enterDocument(3, url), url).toBe(false);
    }
    expect(injected).toEqual([]);
  });
});
