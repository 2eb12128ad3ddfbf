/**
 * The content script starts once per document, however it arrived: the manifest puts it on a
 * recorded document's own address, and the background injects it (src/background/inject.ts)
 * where the manifest did not, which may be a document that already has it. The mark is a symbol
 * on the isolated world's global: the page's scripts never see it, and the page's DOM is untouched.
 */

/** Names the mark (Symbol.for) in both the content script and the background's check. */
export const RUNNING_MARK = 'termlight.content-script';

interface RuntimeLike {
  id?: string;
}
type World = Record<symbol, RuntimeLike | undefined>;

/**
 * Whether a live copy of the content script already runs in this document. A copy left behind by
 * an earlier load of the extension (reloaded or updated) does not count: its runtime has lost its
 * id. Self-contained, so the background can run it in a tab through scripting.executeScript
 * (`func`, with the mark in `args`) before injecting anything.
 */
export function contentScriptRunning(mark: string, world: object = globalThis): boolean {
  return Boolean((world as World)[Symbol.for(mark)]?.id);
}

/** The content script's own runtime, as messaging.ts finds it (Firefox's `browser`, else Chrome's `chrome`). */
const ownRuntime = (): RuntimeLike =>
  ((globalThis as { browser?: { runtime: RuntimeLike } }).browser ?? (globalThis as unknown as { chrome: { runtime: RuntimeLike } }).chrome)
    .runtime;

/**
 * Claims this document for this copy of the content script: true the first time (start), false
 * when a live copy already runs here (do nothing). The mark is the claiming copy's runtime, so
 * that a copy orphaned by an update can be told from a live one.
 */
export function claimDocument(runtime: RuntimeLike = ownRuntime(), world: object = globalThis): boolean {
  if (contentScriptRunning(RUNNING_MARK, world)) return false;
  (world as World)[Symbol.for(RUNNING_MARK)] = runtime;
  return true;
}
