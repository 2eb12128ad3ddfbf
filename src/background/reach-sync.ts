/**
 * Automatic highlights, carried out: reads the records, what the browser granted and what was
 * kept; gives back host access no kept source needs; registers the content script on the allowed
 * pages (or updates or removes the registration); keeps the new state. One run at a time, each
 * from what is true then, so a permission event arriving mid-run is acted on after it.
 *
 * The browser is passed in (a fake one in unit tests, webextension-polyfill in the extension).
 * The registration persists across sessions where the browser supports it, and is checked again
 * on every run (start-up, install and update among them), because Chrome may drop dynamic scripts
 * on an update and Firefox persisted them only from version 105.
 */
import {
  packReach,
  planReach,
  siteAllowed,
  type ManifestReach,
  type PackPatterns,
  type ReachState,
  type ReachView,
} from './reach';

/** The id of the one content script Termlight registers at run time. */
export const REACH_SCRIPT_ID = 'termlight-reach';

/** The registration as the scripting API takes and returns it (the part used here). */
export interface ReachScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  css?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The browser's APIs used here, as webextension-polyfill types them (or a fake has them). */
export interface ReachBrowser {
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<ReachScript[]>;
    registerContentScripts(scripts: ReachScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

export interface ReachDeps {
  browser: ReachBrowser;
  /** The built manifest's content script (its files and matches) and required host access. */
  manifest: () => ManifestReach & { js: string[]; css: string[] };
  /** Every stored pack but the bundled one, with its documents' URL patterns. */
  packs: () => Promise<PackPatterns[]>;
  state: { get(): Promise<ReachState>; set(state: ReachState): Promise<void> };
  /**
   * Pages newly registered on (a grant just came): tabs already open there get the script now
   * rather than at their next load. Optional; must not throw.
   */
  pagesReached?: (matches: string[]) => Promise<void>;
}

export interface Reach {
  /** Brings host access and the registration in line with the records and grants; the view after. */
  sync(): Promise<ReachView>;
  /** The reader allowed sites for these packs (after permissions.request said yes): they are no longer withdrawn. */
  granted(packIds: readonly string[]): Promise<ReachView>;
  /** No automatic highlights for these packs: their sites no other kept pack needs are given back. */
  withdraw(packIds: readonly string[]): Promise<{ view: ReachView; removed: string[] }>;
  /** The reader has read the notice of sites taken back in the browser's settings. */
  dismissRevoked(): Promise<ReachView>;
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) => [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * A file of the extension as registerContentScripts takes it: relative. Firefox's getManifest() and
 * getRegisteredContentScripts() answer with full moz-extension:// addresses, which it then refuses.
 */
export const extensionPath = (file: string): string => file.replace(/^[a-z-]+:\/\/[^/]+\//, '');
const samePaths = (a: readonly string[] = [], b: readonly string[] = []) => sameList(a.map(extensionPath), b.map(extensionPath));

export function createReach(deps: ReachDeps): Reach {
  const { browser } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  /** Registers the script on `matches` (or none), unless it already is; answers the matches it did not have. */
  async function register(matches: string[], manifest: ReturnType<ReachDeps['manifest']>): Promise<string[]> {
    const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [REACH_SCRIPT_ID] });
    const wanted: ReachScript = {
      id: REACH_SCRIPT_ID,
      matches,
      // Never a second copy where the manifest's own script runs.
      excludeMatches: [...manifest.contentMatches],
      js: manifest.js.map(extensionPath),
      css: manifest.css.map(extensionPath),
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    };
    if (
      current &&
      matches.length > 0 &&
      sameList(current.matches, wanted.matches) &&
      sameList(current.excludeMatches, wanted.excludeMatches) &&
      samePaths(current.js, wanted.js) &&
      samePaths(current.css, wanted.css)
    ) {
      return [];
    }
    if (current) await browser.scripting.unregisterContentScripts({ ids: [REACH_SCRIPT_ID] });
    if (matches.length > 0) await browser.scripting.registerContentScripts([wanted]);
    return matches.filter((m) => !current?.matches?.includes(m));
  }

  /** One run: plan from what is true now, carry it out, keep the state; `change` edits the kept state first. */
  async function run(change?: (state: ReachState) => ReachState): Promise<{ view: ReachView; removed: string[] }> {
    const manifest = deps.manifest();
    const [stored, packs, all] = await Promise.all([deps.state.get(), deps.packs(), browser.permissions.getAll()]);
    const state = change ? change(stored) : stored;
    const reach = packs.map((p) => packReach(p, manifest)).filter((p) => p.matches.length > 0);
    const plan = planReach({ packs: reach, granted: all.origins ?? [], manifest, state });
    if (plan.remove.length > 0) await browser.permissions.remove({ origins: plan.remove });
    // What the browser holds now: a removal it refused, or a change meanwhile, shows here.
    const granted = plan.remove.length > 0 ? ((await browser.permissions.getAll()).origins ?? []) : (all.origins ?? []);
    const final = plan.remove.length > 0 ? planReach({ packs: reach, granted, manifest, state: plan.state }) : plan;
    const added = await register(final.matches, manifest);
    await deps.state.set(final.state);
    if (added.length > 0) await deps.pagesReached?.(added);
    const sites = [...new Set(reach.flatMap((p) => p.sites))];
    return {
      view: {
        packs: reach.map((p) => ({ packId: p.packId, sites: p.sites })),
        allowed: sites.filter((s) => siteAllowed(s, granted, manifest)).sort(),
        withdrawn: final.state.withdrawn,
        revoked: final.state.revoked,
      },
      removed: plan.remove,
    };
  }

  return {
    sync: () => serially(async () => (await run()).view),
    granted: (packIds) =>
      serially(async () => (await run((s) => ({ ...s, withdrawn: s.withdrawn.filter((id) => !packIds.includes(id)) }))).view),
    withdraw: (packIds) => serially(() => run((s) => ({ ...s, withdrawn: [...new Set([...s.withdrawn, ...packIds])] }))),
    dismissRevoked: () =>
      serially(async () => (await run((s) => ({ ...s, revoked: s.revoked.map((r) => ({ ...r, seen: true })) }))).view),
  };
}
