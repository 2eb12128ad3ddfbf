import { describe, expect, it } from 'vitest';
import { tosdrDataDate, tosdrPackVersion } from './tosdr-version';

describe('ToS;DR pack version', () => {
  it('reads back the date it was written with, and none for an undated export', () => {
    expect(tosdrDataDate(tosdrPackVersion('2018-01-04'))).toBe('2018-01-04');
    expect(tosdrDataDate(tosdrPackVersion(null))).toBeNull();
  });

  it('reads no date from versions it did not write', () => {
    expect(tosdrDataDate('tosdr-export-2026-11-21')).toBeNull();
    expect(tosdrDataDate('2026.11.21')).toBeNull();
    expect(tosdrDataDate('tosdr-data-soon')).toBeNull();
  });
});
