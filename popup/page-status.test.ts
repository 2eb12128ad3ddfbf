import { describe, expect, it } from 'vitest';
import type { TabView } from '../src/messages/protocol';
import { pageStatus } from './page-status';

const view = (fields: Partial<TabView>): TabView => ({ status: 'pending', documents: [], found: [], notFound: [], ...fields });

describe('what the popup says while a page has no clauses to list', () => {
  it('is busy looking while the page has not reported', () => {
    expect(pageStatus(view({ status: 'pending' }), false)).toEqual({ text: 'Looking for clauses on the page…', tone: 'busy' });
  });

  it('stops looking busy once it gave up waiting, and says to reload', () => {
    const status = pageStatus(view({ status: 'pending' }), true);
    expect(status?.tone).toBe('note');
    expect(status?.text).toMatch(/still looking.*reload the page/);
  });

  it('says the page failed, what to do, and the error', () => {
    const status = pageStatus(view({ status: 'failed', error: 'Termlight: no answer from the background' }), false);
    expect(status?.tone).toBe('alert');
    expect(status?.text).toContain('Reload the page');
    expect(status?.text).toContain('Termlight: no answer from the background');
  });

  it('says nothing of the kind once the clauses are in, or on other pages', () => {
    expect(pageStatus(view({ status: 'ready' }), true)).toBeNull();
    expect(pageStatus(view({ status: 'none' }), true)).toBeNull();
  });
});
