/**
 * Long passes over a page (extraction, normalisation, the word index) are generators that pause
 * every few milliseconds' work, so the content script can give a huge page its turns between
 * steps; elsewhere (tests, the bench, the CLI) they simply run to the end.
 */

/** Runs a stepwise pass to its end and returns its result. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a stepwise pass to its end, awaiting `between` at each pause (the content script's turn-giving). */
export async function runInSteps<T>(steps: Generator<void, T>, between: () => Promise<void>): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await between();
  }
}
