import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_REACH_STATE, type PackPatterns, type ReachState } from './reach';
import { createReach, REACH_SCRIPT_ID, type ReachBrowser, type ReachScript } from './reach-sync';

/**
 * A browser as far as automatic highlights use it: host permissions granted per site (a grant on
 * any path reads back as `https://host/*`, as Chromium and Firefox answer), registered scripts,
 * and a log of every call that changes something.
 */
class FakeBrowser implements ReachBrowser {
  granted = new Set<string>(['https://www.spotify.com/*']); // the manifest's required host
  scripts = new Map<string, ReachScript>();
  calls: string[] = [];
  /** Sites the browser refuses to give back (a required one, say). */
  refuse = new Set<string>();

  permissions = {
    getAll: async () => ({ origins: [...this.granted] }),
    remove: async ({ origins }: { origins: string[] }) => {
      this.calls.push(`remove ${origins.join(' ')}`);
      for (const origin of origins) if (!this.refuse.has(origin)) this.granted.delete(origin);
      return true;
    },
  };

  scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => ids.flatMap((id) => (this.scripts.has(id) ? [structuredClone(this.scripts.get(id)!)] : [])),
    registerContentScripts: async (scripts: ReachScript[]) => {
      for (const script of scripts) {
        if (this.scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        this.calls.push(`register ${script.matches!.join(' ')}`);
        this.scripts.set(script.id, structuredClone(script));
      }
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      this.calls.push(`unregister ${ids.join(' ')}`);
      for (const id of ids) this.scripts.delete(id);
    },
  };

  /** The user grants sites (the browser's prompt, answered yes). */
  grant(...sites: string[]): void {
    for (const site of sites) this.granted.add(site);
  }

  registered(): string[] {
    return this.scripts.get(REACH_SCRIPT_ID)?.matches ?? [];
  }
}

const MANIFEST = {
  contentMatches: ['https://www.spotify.com/*/legal/end-user-agreement*'],
  hostPermissions: ['https://www.spotify.com/*/legal/end-user-agreement*'],
  js: ['content/index.js'],
  css: ['content/highlights.css'],
};

let fake: FakeBrowser;
let packs: PackPatterns[];
let stored: ReachState;
let reached: string[][];
const setup = () =>
  createReach({
    browser: fake,
    manifest: () => MANIFEST,
    packs: async () => packs,
    state: { get: async () => stored, set: async (state) => void (stored = structuredClone(state)) },
    pagesReached: async (matches) => void reached.push(matches),
  });

beforeEach(() => {
  fake = new FakeBrowser();
  packs = [
    { packId: 'tosdr.spotify', urlPatterns: ['www.spotify.com/us/legal/end-user-agreement', 'www.spotify.com/us/legal/privacy-policy'] },
    { packId: 'tosdr.notes', urlPatterns: ['notes.example.com/terms', 'shared.example.org/privacy'] },
    { packId: 'feed', urlPatterns: ['feedco.example/terms', 'shared.example.org/feed-terms'] },
  ];
  stored = structuredClone(EMPTY_REACH_STATE);
  reached = [];
});

describe('Reach with a fake browser', () => {
  it('registers the built content script and styles on allowed pages only, never where the manifest runs it', async () => {
    const view = await setup().sync();
    // Only Spotify's other page: its site is the manifest's own.
    expect(fake.scripts.get(REACH_SCRIPT_ID)).toEqual({
      id: REACH_SCRIPT_ID,
      matches: ['https://www.spotify.com/us/legal/privacy-policy*'],
      excludeMatches: MANIFEST.contentMatches,
      js: ['content/index.js'],
      css: ['content/highlights.css'],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
    expect(view.allowed).toEqual(['https://www.spotify.com/*']);
    expect(view.packs.map((p) => [p.packId, p.sites])).toEqual([
      ['tosdr.spotify', ['https://www.spotify.com/*']],
      ['tosdr.notes', ['https://notes.example.com/*', 'https://shared.example.org/*']],
      ['feed', ['https://feedco.example/*', 'https://shared.example.org/*']],
    ]);
  });

  it('after a grant, the pages on the granted sites are registered; nothing is registered twice', async () => {
    const reach = setup();
    await reach.sync();
    fake.grant('https://notes.example.com/*', 'https://shared.example.org/*', 'https://feedco.example/*');
    await reach.granted([]);
    expect(fake.registered()).toEqual([
      'https://feedco.example/terms*',
      'https://notes.example.com/terms*',
      'https://shared.example.org/feed-terms*',
      'https://shared.example.org/privacy*',
      'https://www.spotify.com/us/legal/privacy-policy*',
    ]);
    fake.calls.length = 0;
    await reach.sync();
    expect(fake.calls).toEqual([]);
    // Tabs already open on the pages just reached get the script at once: those pages, once each.
    expect(reached).toEqual([
      ['https://www.spotify.com/us/legal/privacy-policy*'],
      ['https://feedco.example/terms*', 'https://notes.example.com/terms*', 'https://shared.example.org/feed-terms*', 'https://shared.example.org/privacy*'],
    ]);
  });

  it('registers the files by their relative path, as Firefox requires, though its manifest and registrations give full addresses', async () => {
    const reach = createReach({
      browser: fake,
      manifest: () => ({ ...MANIFEST, js: ['moz-extension://6f1d/content/index.js'], css: ['moz-extension://6f1d/content/highlights.css'] }),
      packs: async () => packs,
      state: { get: async () => stored, set: async (state) => void (stored = structuredClone(state)) },
    });
    await reach.sync();
    expect(fake.scripts.get(REACH_SCRIPT_ID)).toMatchObject({ js: ['content/index.js'], css: ['content/highlights.css'] });
    // Read back as Firefox answers: full addresses, the same files: nothing to do.
    const script = fake.scripts.get(REACH_SCRIPT_ID)!;
    fake.scripts.set(REACH_SCRIPT_ID, { ...script, js: ['moz-extension://6f1d/content/index.js'], css: ['moz-extension://6f1d/content/highlights.css'] });
    fake.calls.length = 0;
    await reach.sync();
    expect(fake.calls).toEqual([]);
  });

  it('registers again what a browser update or restart dropped', async () => {
    const reach = setup();
    fake.grant('https://notes.example.com/*');
    await reach.sync();
    const before = fake.registered();
    fake.scripts.clear(); // Chrome may drop dynamic scripts on an update
    await reach.sync();
    expect(fake.registered()).toEqual(before);
  });

  it('withdrawing a source gives back its sites but the one the feed still uses, and unregisters its pages', async () => {
    const reach = setup();
    fake.grant('https://notes.example.com/*', 'https://shared.example.org/*', 'https://feedco.example/*');
    await reach.sync();
    fake.calls.length = 0;
    const { view, removed } = await reach.withdraw(['tosdr.notes']);
    expect(removed).toEqual(['https://notes.example.com/*']);
    expect(fake.calls[0]).toBe('remove https://notes.example.com/*');
    expect(fake.registered()).toEqual([
      'https://feedco.example/terms*',
      'https://shared.example.org/feed-terms*',
      'https://www.spotify.com/us/legal/privacy-policy*',
    ]);
    expect(view.withdrawn).toEqual(['tosdr.notes']);
    expect(view.revoked).toEqual([]); // its own giving back is not a revocation

    // Allowed again: no longer withdrawn, its pages come back.
    fake.grant('https://notes.example.com/*');
    const again = await reach.granted(['tosdr.notes']);
    expect(again.withdrawn).toEqual([]);
    expect(fake.registered()).toContain('https://notes.example.com/terms*');
  });

  it('removing the feed source gives back its own site and unregisters everything once nothing is left', async () => {
    const reach = setup();
    fake.grant('https://notes.example.com/*', 'https://shared.example.org/*', 'https://feedco.example/*');
    await reach.sync();
    packs = packs.filter((p) => p.packId !== 'feed');
    await reach.sync();
    expect(fake.granted.has('https://feedco.example/*')).toBe(false);
    expect(fake.granted.has('https://shared.example.org/*')).toBe(true);
    packs = [];
    await reach.sync();
    expect([...fake.granted]).toEqual(['https://www.spotify.com/*']);
    expect(fake.scripts.size).toBe(0);
  });

  it('a site revoked in the browser settings is unregistered, said once and not offered again', async () => {
    const reach = setup();
    fake.grant('https://notes.example.com/*', 'https://shared.example.org/*');
    await reach.sync();
    fake.granted.delete('https://shared.example.org/*'); // about:addons / chrome://extensions
    const view = await reach.sync();
    expect(view.revoked).toEqual([{ site: 'https://shared.example.org/*', seen: false }]);
    expect(fake.registered()).toEqual(['https://notes.example.com/terms*', 'https://www.spotify.com/us/legal/privacy-policy*']);
    expect((await reach.dismissRevoked()).revoked).toEqual([{ site: 'https://shared.example.org/*', seen: true }]);
    expect((await reach.sync()).revoked).toEqual([{ site: 'https://shared.example.org/*', seen: true }]);
  });

  it('a site the browser refuses to give back stays counted as allowed, and is not called revoked later', async () => {
    const reach = setup();
    fake.grant('https://notes.example.com/*');
    await reach.sync();
    fake.refuse.add('https://notes.example.com/*');
    const { view } = await reach.withdraw(['tosdr.notes']);
    expect(view.allowed).toContain('https://notes.example.com/*');
    expect((await reach.sync()).revoked).toEqual([]);
  });

  it('runs one operation at a time, each from what is true when it starts', async () => {
    const reach = setup();
    fake.grant('https://notes.example.com/*');
    // Overlapping runs would register the same script id twice, which the browser refuses.
    const [, withdrawn, after] = await Promise.all([reach.sync(), reach.withdraw(['tosdr.notes']), reach.sync()]);
    expect(withdrawn.removed).toEqual(['https://notes.example.com/*']);
    expect(after.withdrawn).toEqual(['tosdr.notes']);
    expect(fake.registered()).toEqual(['https://www.spotify.com/us/legal/privacy-policy*']);
  });
});
