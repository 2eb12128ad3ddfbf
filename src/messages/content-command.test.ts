import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isContentCommand } from './content-command';
import { KEY_MAX } from './limits';
import { contentCommandSchemas } from './schemas';

/** What the background's schemas accept, which the content script's own check must match. */
const schemaAccepts = (message: unknown) =>
  Object.values(contentCommandSchemas).some((schema) => schema.safeParse(message).success);

describe('the content script\'s command check', () => {
  it('accepts the commands the background sends', () => {
    expect(isContentCommand({ type: 'clause/show', recordKey: 'bundled|anthropic.1' })).toBe(true);
    expect(isContentCommand({ type: 'page/recheck' })).toBe(true);
  });

  it('agrees with the schemas on odd and hostile messages', () => {
    const cases: unknown[] = [
      null,
      'page/recheck',
      ['page/recheck'],
      {},
      { type: 'clause/show' },
      { type: 'clause/show', recordKey: '' },
      { type: 'clause/show', recordKey: 'k'.repeat(KEY_MAX) },
      { type: 'clause/show', recordKey: 'k'.repeat(KEY_MAX + 1) },
      { type: 'clause/show', recordKey: 7 },
      { type: 'clause/show', recordKey: 'k', extra: true },
      { type: 'page/recheck', recordKey: 'k' },
      { type: 'toString' },
      JSON.parse('{"type":"page/recheck","__proto__":{"polluted":true}}'),
    ];
    for (const message of cases) expect(isContentCommand(message), JSON.stringify(message)).toBe(schemaAccepts(message));
  });

  it('agrees with the schemas on generated messages', () => {
    const field = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null), fc.string({ minLength: KEY_MAX - 1, maxLength: KEY_MAX + 1 }));
    const message = fc.record(
      {
        type: fc.constantFrom('clause/show', 'page/recheck', 'page/lookup'),
        recordKey: field,
        other: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(message, (m) => isContentCommand(m) === schemaAccepts(m)));
  });
});
