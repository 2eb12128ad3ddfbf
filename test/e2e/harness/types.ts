/**
 * The one interface the e2e tests and the demo drive both browsers through. Chromium is driven
 * by playwright-core (CDP), Firefox by puppeteer-core over WebDriver BiDi; each launcher wraps its
 * library's page in a TestPage, so a scenario is written once and run in both.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** Defaults to true. The demo runs headed when a display is available. */
  headless?: boolean;
  /** The unpacked extension to load; defaults to dist/chrome or dist/firefox. */
  extensionDir?: string;
  /** Trust self-signed certificates (the local HTTPS feed server of the feed tests). */
  acceptInsecureCerts?: boolean;
  /**
   * Use (and keep) this profile folder instead of a fresh temporary one, so that a second
   * launch on the same folder is a browser restart. Created if missing; close() leaves it.
   */
  profileDir?: string;
  /**
   * Firefox only: the event page is suspended after this many milliseconds without work
   * (pref extensions.background.idle.timeout, 30 000 by default), and stopBackground() then
   * waits for that suspension instead of forcing it. Chromium has no such setting.
   */
  firefoxBackgroundIdleMs?: number;
  /**
   * Firefox only: how the add-on is installed. 'temporary' (the default) is BiDi
   * webExtension.install of the folder, gone after a browser restart; 'permanent' installs it
   * packed as an .xpi the way a user's add-on is, kept in the profile across restarts (the
   * unsigned build is accepted because ESR honours xpinstall.signatures.required = false);
   * 'none' installs nothing: the profile (profileDir) already has it permanently.
   */
  firefoxInstall?: 'temporary' | 'permanent' | 'none';
  /**
   * Send every request that leaves the browser (not answered by the harness) through this
   * HTTP proxy, `host:port`, loopback included (see recording-proxy.ts).
   */
  proxy?: string;
  /**
   * The prefers-color-scheme every page sees, extension pages included (Chromium: the context's
   * colorScheme; Firefox: the layout.css.prefers-color-scheme.content-override pref, as WebDriver
   * BiDi has no media emulation). Unset: the browser's own, light when headless.
   */
  colorScheme?: 'light' | 'dark';
  /**
   * Firefox only: more preferences for the profile (e.g. a small storage quota, or IndexedDB
   * switched off in private browsing) to put the extension in conditions a user's browser can be in.
   */
  firefoxPrefs?: Record<string, unknown>;
  /**
   * Chromium only: launch with --enable-unsafe-extension-debugging, which lets a test press the
   * extension's toolbar button for real (CDP Extensions.triggerAction, see toolbar.ts).
   */
  extensionDebugging?: boolean;
}

/** Extra response headers for a served page (e.g. a Content-Security-Policy). */
export interface ServeOptions {
  headers?: Record<string, string>;
}

/** One request the harness answered in place of the network (a served page, or its 404). */
export interface ServedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  postData: string | null;
}

/** The extension's background (Chromium's service worker, Firefox's event page), as the browser reports it. */
export interface BackgroundStatus {
  running: boolean;
  /** How many times it has started since the harness began watching it (first call of either method). */
  starts: number;
}

/** One browser tab, whatever the library behind it. */
export interface TestPage {
  /** The library's own page (playwright Page or puppeteer Page), for what this interface lacks. */
  readonly raw: unknown;
  url(): string;
  /** Runs `fn` in the page's main world (never in the extension's isolated world). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Polls `fn` in the page until it returns a truthy value, and returns that value. Polled from
   * Node, so it works the same in background tabs and in extension pages of both browsers.
   */
  waitFor<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, options?: WaitOptions): Promise<NonNullable<R>>;
  /** Moves the real mouse pointer to viewport coordinates (fires genuine mousemove events). */
  mouseMove(x: number, y: number): Promise<void>;
  /** Presses a key with modifiers held, e.g. press('KeyN', ['Alt', 'Shift']) or press('Enter'). */
  press(code: string, modifiers?: ('Alt' | 'Shift' | 'Control')[]): Promise<void>;
  /** Clicks the element matched by a CSS selector with the real pointer. */
  click(selector: string): Promise<void>;
  /** Types into the form control whose <label> reads `label`. */
  fillByLabel(label: string, text: string): Promise<void>;
  /** Chooses one or more files in the file input whose <label> reads `label`. */
  uploadByLabel(label: string, file: string | string[]): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface WaitOptions {
  /** Milliseconds; defaults to 15 000. This is a give-up limit, never an assertion on speed. */
  timeout?: number;
  /** Said in the error when the wait gives up. */
  message?: string;
}

/** One CSS highlight registered in a page, as the page's main world sees it. */
export interface HighlightInfo {
  name: string;
  /** Each range's toString(), in the highlight's order. */
  texts: string[];
  /** For each range, the id of the nearest element with an id around its start ('' if none). */
  where: string[];
}

export interface Badge {
  text: string;
  /** '#rrggbb', lowercase. */
  color: string;
}

export interface TestBrowser {
  readonly name: BrowserName;
  /** chrome-extension://<id> or moz-extension://<fixed uuid>, without a trailing slash. */
  readonly extensionOrigin: string;
  /**
   * Serves `html` at this https address (fragment ignored), so the manifest's match patterns and
   * the records' URL patterns are exercised for real. Any other http(s) request gets a 404 from
   * the harness: nothing ever reaches the network.
   */
  serve(url: string, html: string, options?: ServeOptions): Promise<void>;
  /** Every http(s) request the harness answered instead of the network, in order. */
  readonly served: readonly ServedRequest[];
  /** Opens a new tab at `url` and waits for its load event. */
  open(url: string): Promise<TestPage>;
  extensionUrl(path: string): string;
  /** Opens one of the extension's pages (e.g. popup/options.html) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Waits for a tab (opened by anyone) whose address starts with `prefix`. */
  waitForPage(prefix: string): Promise<TestPage>;
  /** The extension API's id of the tab showing `page`. */
  tabId(page: TestPage): Promise<number>;
  /** The toolbar badge of the tab showing `page`, read through the extension's action API. */
  badge(page: TestPage): Promise<Badge>;
  /** Every CSS highlight registered in the page (CSS.highlights, main world). */
  highlights(page: TestPage): Promise<HighlightInfo[]>;
  /** Whether the background runs now and how often it started, from the browser's own reports. */
  backgroundStatus(): Promise<BackgroundStatus>;
  /**
   * Stops the extension's background and resolves once the browser reports it stopped; the next
   * event (a message, a port, an alarm) starts a new one. Chromium: CDP ServiceWorker.stopWorker
   * on the service worker. Firefox: with `firefoxBackgroundIdleMs`, waits for the browser's own
   * idle suspension; otherwise suspends it as about:debugging's "Terminate background script".
   */
  stopBackground(): Promise<void>;
  /**
   * Reads the extension again from the folder it was launched from (`extensionDir`, which the
   * test may have overwritten with a newer build) and installs it over the running one with the
   * same id: an update. Chromium: the reload of chrome://extensions (developer mode switched on
   * for it); Firefox: webExtension.install again (temporary or permanent, as launched). Resolves
   * with the version now running, once it is the one in that folder's manifest.
   */
  reloadExtension(): Promise<string>;
  close(): Promise<void>;
}
