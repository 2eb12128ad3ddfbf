import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of t.ts, without the English source the test setup gives the shared one. */
const freshT = async () => {
  vi.resetModules();
  return import('./t');
};

afterEach(() => vi.unstubAllGlobals());

describe('t without a browser i18n', () => {
  it('reads nothing from disk itself: each key reads as itself until a message source is set', async () => {
    const { t, setMessageSource } = await freshT();
    expect(t('extensionName')).toBe('extensionName');
    setMessageSource((key, subs) => (key === 'popupClausesFoundMany' ? `${subs?.[0]} found` : ''));
    expect(t('popupClausesFoundMany', 3)).toBe('3 found');
    expect(t('extensionName')).toBe('extensionName'); // a key the source does not have
  });

  it('uses the browser’s own i18n when there is one, whatever source is set', async () => {
    vi.stubGlobal('chrome', { i18n: { getMessage: (key: string) => `[${key}]` } });
    const { t, setMessageSource } = await freshT();
    setMessageSource(() => 'from the source');
    expect(t('extensionName')).toBe('[extensionName]');
  });
});
