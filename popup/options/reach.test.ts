// @vitest-environment happy-dom
import { h, render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheSummary, PackMeta } from '../../src/messages/protocol';
import type { ReachView } from '../../src/background/reach';

/** What the background answers to reach/* requests, and every request it got. */
let view: ReachView;
const sent: { type: string; packIds?: string[] }[] = [];
const permissionRequests: string[][] = [];
let grant = true;
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: async (message: { type: string; packIds?: string[] }) => {
        sent.push(message);
        if (message.type === 'reach/withdraw') return { ok: true, data: { ...view, removed: ['https://notes.example.com/*'] } };
        return { ok: true, data: view };
      },
    },
    permissions: {
      request: (permissions: { origins: string[] }) => {
        permissionRequests.push(permissions.origins);
        return Promise.resolve(grant);
      },
      onAdded: { addListener: () => undefined, removeListener: () => undefined },
      onRemoved: { addListener: () => undefined, removeListener: () => undefined },
    },
  },
}));

const { ReachSection, describeSourceReach } = await import('./reach');
const { ReachOffer } = await import('../reach-offer');

const packMeta = (packId: string, kind: PackMeta['source']['kind'], name: string): PackMeta => ({
  packId,
  packVersion: '1',
  publishedAt: '2026-11-20',
  source: { kind, name },
  storedAt: '2026-11-20T10:00:00.000Z',
  counts: { platforms: 1, documents: 1, records: 1 },
});
const summary: CacheSummary = {
  packs: [packMeta('bundled', 'bundled', 'Termlight records'), packMeta('tosdr.notes', 'tosdr', 'ToS;DR: Notes'), packMeta('tosdr.mail', 'tosdr', 'ToS;DR: Mail'), packMeta('feed', 'feed', 'My feed')],
  totals: { platforms: 4, documents: 4, records: 4 },
};

const text = (selector: string) => document.querySelector(selector)?.textContent ?? '';
const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

async function show(component: ComponentChild): Promise<void> {
  document.body.innerHTML = '<div id="app"></div>';
  await act(() => render(component, document.getElementById('app')!));
  await flush();
}

beforeEach(() => {
  sent.length = 0;
  permissionRequests.length = 0;
  grant = true;
  view = {
    packs: [
      { packId: 'tosdr.notes', sites: ['https://notes.example.com/*', 'https://shared.example.org/*'] },
      { packId: 'tosdr.mail', sites: ['https://mail.example.net/*'] },
      { packId: 'feed', sites: ['https://feedco.example/*'] },
    ],
    allowed: ['https://shared.example.org/*', 'https://feedco.example/*'],
    withdrawn: [],
    revoked: [],
  };
});

describe('the options page: automatic highlights', () => {
  it('offers the sites not allowed yet in one action, and asks for exactly them inside the click', async () => {
    await show(h(ReachSection, { summary, busy: false }));
    const button = document.getElementById('reach-allow') as HTMLButtonElement;
    expect(button.textContent).toBe('Highlight automatically on the 2 sites in your records');
    button.click();
    // Asked before the click handler returned: nothing awaited before the request.
    expect(permissionRequests).toEqual([['https://mail.example.net/*', 'https://notes.example.com/*']]);
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'reach/granted', packIds: [] });
    expect(text('#reach-status')).toBe('Allowed: 2 more sites get automatic highlights.');
  });

  it('says nothing changed when the reader refuses the browser\'s request', async () => {
    grant = false;
    await show(h(ReachSection, { summary, busy: false }));
    (document.getElementById('reach-allow') as HTMLButtonElement).click();
    await flush();
    expect(sent.some((m) => m.type === 'reach/granted')).toBe(false);
    expect(text('#reach-status')).toBe('Not allowed: nothing changed.');
  });

  it('shows how each source stands, ToS;DR services as one, and withdraws one on request', async () => {
    await show(h(ReachSection, { summary, busy: false }));
    const rows = [...document.querySelectorAll('#reach tbody tr')].map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('.reach-state')?.textContent]);
    expect(rows).toEqual([
      ['ToS;DR (2 services)', '1 of 3 sites allowed'],
      ['My feed', 'automatic on 1 site'],
    ]);
    (document.querySelector('#reach tr[data-source="tosdr"] button[aria-label^="Withdraw"]') as HTMLButtonElement).click();
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'reach/withdraw', packIds: ['tosdr.notes', 'tosdr.mail'] });
    expect(text('#reach-status')).toBe('ToS;DR (2 services): automatic highlights withdrawn, and access given back to notes.example.com.');
  });

  it('says which sites were taken back in the browser\'s settings, and does not offer them again', async () => {
    view.revoked = [{ site: 'https://mail.example.net/*', seen: false }];
    await show(h(ReachSection, { summary, busy: false }));
    expect(text('#reach-revoked')).toMatch(/^You withdrew access to mail\.example\.net in the browser's settings: its pages are no longer highlighted automatically\./);
    expect(text('#reach-allow')).toBe('Highlight automatically on the 1 site in your records');
    (document.querySelector('#reach-revoked button') as HTMLButtonElement).click();
    expect(permissionRequests).toEqual([['https://mail.example.net/*']]);
  });

  it('words every state of a source', () => {
    expect(describeSourceReach({ sites: 3, allowed: 3, withdrawn: false, missing: [] })).toBe('automatic on 3 sites');
    expect(describeSourceReach({ sites: 3, allowed: 0, withdrawn: false, missing: [] })).toBe('not automatic');
    expect(describeSourceReach({ sites: 3, allowed: 1, withdrawn: false, missing: [] })).toBe('1 of 3 sites allowed');
    expect(describeSourceReach({ sites: 3, allowed: 2, withdrawn: true, missing: [] })).toBe('not automatic (you withdrew it)');
  });
});

describe('the popup\'s offer (for the site view)', () => {
  it('appears on a site of the records not allowed yet, and asks for every offered site', async () => {
    await show(h(ReachOffer, { host: 'notes.example.com' }));
    expect(text('#reach-popup-allow')).toBe('Highlight automatically on the 2 sites in your records');
    (document.getElementById('reach-popup-allow') as HTMLButtonElement).click();
    expect(permissionRequests).toEqual([['https://mail.example.net/*', 'https://notes.example.com/*']]);
    await flush();
    expect(text('#reach-popup-status')).toBe('Allowed: 2 more sites get automatic highlights.');
  });

  it('is absent on an allowed site, and on a site of no record', async () => {
    await show(h(ReachOffer, { host: 'feedco.example' }));
    expect(document.getElementById('reach-popup')).toBeNull();
    await show(h(ReachOffer, { host: 'unknown.example' }));
    expect(document.getElementById('reach-popup')).toBeNull();
  });
});
