import { describe, expect, it } from 'vitest';
import { describeError } from './storage-errors';

describe('storage errors', () => {
  it('say what a reader can do instead of the browser’s empty or internal messages', () => {
    expect(describeError(new DOMException('', 'QuotaExceededError'))).toMatch(/storage for Termlight is full/);
    expect(describeError(new DOMException('Internal error opening backing store', 'UnknownError'))).toMatch(/gives Termlight no storage/);
    expect(describeError(new TypeError("can't access property 'open', indexedDB is undefined"))).toMatch(/gives Termlight no storage/);
    expect(describeError(new DOMException('', 'AbortError'))).toBe('storage failed (AbortError)');
    expect(describeError(new Error('The pack is invalid'))).toBe('The pack is invalid');
  });
});
