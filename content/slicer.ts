/**
 * Splits long work into slices so the page stays responsive: callers ask `maybeYield()` between
 * steps, and once a slice has run `budgetMs` the page gets a turn (no task near 50 ms).
 */
export interface Slicer {
  maybeYield(): Promise<void>;
  /** The longest slice so far, in milliseconds. */
  longest(): number;
}

const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

export function createSlicer(budgetMs = 10): Slicer {
  let sliceStart = performance.now();
  let longest = 0;
  return {
    async maybeYield() {
      const now = performance.now();
      if (now - sliceStart < budgetMs) return;
      longest = Math.max(longest, now - sliceStart);
      await yieldToPage();
      sliceStart = performance.now();
    },
    longest: () => Math.max(longest, performance.now() - sliceStart),
  };
}
