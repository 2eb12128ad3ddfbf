/**
 * Failures of the background's own work (install, start-up, alarms, tab changes): no caller is
 * waiting for them, so they are logged with what was being done, and the one that leaves the
 * reader with wrong answers (the bundled records not loaded) is kept to be shown in the popup.
 */
import { z } from 'zod';
import { describeError } from './storage-errors';
import { storageItem } from './storage-item';

/**
 * Why the bundled records could not be written at install, until they are: without them every
 * policy page would read as "not in your records" with no reason given.
 */
export const setupProblem = storageItem('local', 'setupProblem', z.object({ at: z.string(), message: z.string() }), null);

/**
 * `listener` as an event listener whose failure is reported (console.error with `doing`, then
 * `onError`) rather than lost as an unhandled rejection. The returned listener never rejects.
 */
export function reporting<A extends unknown[]>(
  doing: string,
  listener: (...args: A) => Promise<unknown>,
  onError?: (error: unknown) => Promise<unknown>,
): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await listener(...args);
    } catch (error) {
      console.error(`Termlight: failed ${doing}:`, error);
      try {
        await onError?.(error);
      } catch (second) {
        console.error(`Termlight: could not record that failure (${doing}):`, second);
      }
    }
  };
}

/** Records why the bundled records could not be loaded (see setupProblem). */
export function recordSetupProblem(error: unknown): Promise<void> {
  return setupProblem.set({ at: new Date().toISOString(), message: describeError(error) });
}
