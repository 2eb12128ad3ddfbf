import { describe, expect, it } from 'vitest';
import { FAILURE_TEXT_MAX } from './limits';
import { requestSchemas } from './schemas';
import { pageAddress, parseImportUpdate, parseRequest, parseShowClauseReply, senderFor } from './validate';

describe('request validation', () => {
  it('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'page/lookup', url: 'https://a.example/terms' })).toEqual({ type: 'page/lookup', url: 'https://a.example/terms' });
    expect(parseRequest({ type: 'popup/tab', tabId: 3 })).toEqual({ type: 'popup/tab', tabId: 3 });
    const timing = { extractMs: 1, anchorMs: 2, paintMs: 0.5, longestSliceMs: 3, textLength: 100 };
    const url = 'https://a.example/terms';
    expect(parseRequest({ type: 'page/anchored', url, found: [{ key: 'p|r', method: 'exact', score: 1 }], notFound: [], timing })).not.toBeNull();
    expect(
      parseRequest({ type: 'page/anchored', url, found: [{ key: 'p|r', method: 'fuzzy', score: 0.8, foundText: 'now' }], notFound: [], timing }),
    ).not.toBeNull();
  });

  it('refuses unknown types, extra fields, wrong types and prototype tricks', () => {
    const bad: unknown[] = [
      null,
      'page/lookup',
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'page/lookup' },
      { type: 'page/lookup', url: 'javascript:alert(1)' },
      { type: 'popup/tab', tabId: '3' },
      { type: 'popup/tab', tabId: -1 },
      { type: 'page/anchored', found: [{ key: 'k', method: 'guess', score: 1 }], notFound: [] },
      { type: 'page/anchored', found: [{ key: 'k', method: 'fuzzy', score: 7 }], notFound: [], timing: {} },
      { type: 'options/remove-packs', packIds: [] },
      JSON.parse('{"type":"options/summary","__proto__":{"polluted":true}}'),
    ];
    for (const message of bad) expect(parseRequest(message), JSON.stringify(message)).toBeNull();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('believes a page address only on the origin of the document that sent it', () => {
    expect(pageAddress('https://a.example/after-pushstate', 'https://a.example/before')).toBe('https://a.example/after-pushstate');
    expect(pageAddress('https://other.example/terms', 'https://a.example/before')).toBeNull();
    expect(pageAddress('not a url', 'https://a.example/')).toBeNull();
    expect(pageAddress('https://a.example/', undefined)).toBeNull();
  });

  it('takes a page\'s failure report only as a short sentence', () => {
    const url = 'https://a.example/terms';
    expect(parseRequest({ type: 'page/failed', url, error: 'Termlight: no answer from the background' })).not.toBeNull();
    expect(parseRequest({ type: 'page/failed', url, error: 'x'.repeat(FAILURE_TEXT_MAX) })).not.toBeNull();
    expect(parseRequest({ type: 'page/failed', url, error: 'x'.repeat(FAILURE_TEXT_MAX + 1) })).toBeNull();
    expect(parseRequest({ type: 'page/failed', url, error: '' })).toBeNull();
    expect(parseRequest({ type: 'page/failed', url, error: 'boom', stack: 'at …' })).toBeNull();
    expect(senderFor['page/failed']).toBe('content');
  });

  it('reads a content script\'s "Show in page" answer, and anything else as not shown', () => {
    expect(parseShowClauseReply({ shown: true })).toEqual({ shown: true });
    expect(parseShowClauseReply({ shown: false })).toEqual({ shown: false });
    for (const reply of [undefined, null, 'yes', { shown: 'true' }, { ok: true }, [true]]) {
      expect(parseShowClauseReply(reply), JSON.stringify(reply)).toEqual({ shown: false });
    }
  });

  it('reads the import port\'s updates, and nothing else as one', () => {
    const report = { imported: [{ file: 'a.json', packId: 'a', platforms: 1, documents: 1, records: 3, skipped: 0 }], failed: [] };
    expect(parseImportUpdate({ type: 'done', report })).toEqual({ type: 'done', report });
    expect(parseImportUpdate({ type: 'progress', progress: { phase: 'writing', done: 1, total: 2 } })).not.toBeNull();
    expect(parseImportUpdate({ type: 'error', error: 'full' })).toEqual({ type: 'error', error: 'full' });
    for (const bad of [null, 'done', { type: 'done' }, { type: 'done', report: { imported: 'all' } }, { type: 'progress', progress: { phase: 'guessing', done: 1, total: 2 } }]) {
      expect(parseImportUpdate(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('gives every request type a sender rule', () => {
    expect(Object.keys(senderFor).sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(senderFor['options/remove-packs']).toBe('extension-page');
    expect(senderFor['page/anchored']).toBe('content');
  });
});
