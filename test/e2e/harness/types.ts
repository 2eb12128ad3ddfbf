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
  serve(url: string, html: string): Promise<void>;
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
  close(): Promise<void>;
}
