import { describe, expect, it } from 'vitest';
import { dateTimeWords } from '../../src/i18n/date';
import { durationWords } from './time-words';

describe('time words', () => {
  it('an import under a second says so, never "0.0 s"', () => {
    expect(durationWords(0)).toBe('in under a second');
    expect(durationWords(0.04)).toBe('in under a second');
    expect(durationWords(0.99)).toBe('in under a second');
  });

  it('from a second on, seconds with one decimal', () => {
    expect(durationWords(1)).toBe('in 1.0 s');
    expect(durationWords(2.44)).toBe('in 2.4 s');
    expect(durationWords(72.35)).toBe('in 72.3 s');
    expect(durationWords(2.4, 'de')).toBe('in 2,4 s');
  });

  it('a date and time to the minute in the interface’s language, not ISO', () => {
    const at = '2026-12-02T15:40:31.123Z';
    expect(dateTimeWords(at, 'en-GB', 'UTC')).toBe('2 Dec 2026, 15:40');
    expect(dateTimeWords(at, 'en', 'UTC')).toMatch(/^Dec 2, 2026, 3:40\sPM$/);
    expect(dateTimeWords(at, 'en', 'UTC')).not.toContain('2026-12-02');
  });

  it('shows what is not a date as it is, and survives a language Intl does not know', () => {
    expect(dateTimeWords('not a date', 'en')).toBe('not a date');
    expect(dateTimeWords('2026-12-02T15:40:00Z', 'x-not-a-language!', 'UTC')).toMatch(/2026/);
  });
});
