import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimDocument, RUNNING_MARK } from '../../content/once';

/** The built manifest's content script entry, as vite-plugin-web-extension writes it. */
const BUILT = {
  manifest_version: 3,
  name: 'Termlight',
  version: '0.1.0',
  content_scripts: [{ matches: ['https://www.anthropic.com/legal/*'], js: ['content/index.js'], css: ['content/highlights.css'], run_at: 'document_idle' }],
};
let manifest: unknown = BUILT;
/** The tab's isolated world, where the probe function runs. */
let world: object = {};
const calls: { api: string; injection: Record<string, unknown> }[] = [];

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getManifest: () => manifest },
    scripting: {
      executeScript: async (injection: { func?: (...args: unknown[]) => unknown; args?: unknown[] }) => {
        calls.push({ api: 'executeScript', injection });
        if (injection.func) return [{ frameId: 0, result: injection.func(...(injection.args ?? []), world) }];
        return [{ frameId: 0, result: undefined }];
      },
      insertCSS: async (injection: Record<string, unknown>) => void calls.push({ api: 'insertCSS', injection }),
    },
  },
}));

const { contentScriptFiles, injectContentScript } = await import('./inject');

beforeEach(() => {
  manifest = BUILT;
  world = {};
  calls.length = 0;
});

describe('injectContentScript', () => {
  it('injects the manifest\'s own built files, styles first, into the top frame of that tab only', async () => {
    await injectContentScript(12);
    const injected = calls.filter((c) => !c.injection.func);
    expect(injected).toEqual([
      { api: 'insertCSS', injection: { target: { tabId: 12 }, files: ['content/highlights.css'] } },
      { api: 'executeScript', injection: { target: { tabId: 12 }, files: ['content/index.js'] } },
    ]);
  });

  it('injects nothing into a document where a live content script already runs', async () => {
    claimDocument({ id: 'termlight' }, world);
    await injectContentScript(12);
    expect(calls.map((c) => c.api)).toEqual(['executeScript']);
    expect(calls[0]!.injection.args).toEqual([RUNNING_MARK]);
  });

  it('injects again over a copy orphaned by an update', async () => {
    const old: { id?: string } = { id: 'termlight' };
    claimDocument(old, world);
    delete old.id;
    await injectContentScript(12);
    expect(calls.filter((c) => !c.injection.func).map((c) => c.api)).toEqual(['insertCSS', 'executeScript']);
  });

  it('says so, and injects nothing, when the manifest declares no content script', async () => {
    manifest = { ...BUILT, content_scripts: [] };
    await expect(injectContentScript(12)).rejects.toThrow('no content script');
    expect(calls.filter((c) => !c.injection.func)).toEqual([]);
  });
});

describe('contentScriptFiles', () => {
  it('reads the script and styles from the manifest, and no styles when it declares none', () => {
    expect(contentScriptFiles()).toEqual({ js: ['content/index.js'], css: ['content/highlights.css'] });
    const first = BUILT.content_scripts[0]!;
    expect(contentScriptFiles({ ...BUILT, content_scripts: [{ matches: first.matches, js: first.js }] })).toEqual({ js: ['content/index.js'], css: [] });
  });
});
