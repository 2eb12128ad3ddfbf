/**
 * The content script's check of what the background sends it. Written by hand, not with zod,
 * to keep zod off every policy page; content-command.test.ts holds it to the schemas in
 * schemas.ts, so it accepts exactly what they accept.
 */
import type { ContentCommand } from './protocol';
import { KEY_MAX } from './limits';

/** Whether `message` is a command the content script obeys, with no field more or less. */
export function isContentCommand(message: unknown): message is ContentCommand {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const { type, ...fields } = message as Record<string, unknown>;
  const names = Object.keys(fields);
  switch (type) {
    case 'page/recheck':
      return names.length === 0;
    case 'clause/show': {
      const { recordKey } = fields;
      return names.length === 1 && typeof recordKey === 'string' && recordKey.length >= 1 && recordKey.length <= KEY_MAX;
    }
    default:
      return false;
  }
}
