/**
 * The popup: an offline search at the top, then the current tab's document and, at a glance,
 * its clauses counted by severity and listed worst first as compact rows that unfold.
 * Also works in a tab as popup.html?tab=<tabId>[&record=<key>] (that record opened and focused).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../src/i18n/t';
import type { TabView } from '../src/messages/protocol';
import { request } from './api';
import { pageStatus } from './page-status';
import { ClauseList } from './clause-list';
import { Documents } from './documents';
import { Search } from './search';
import { SiteSection } from './site';

const params = new URLSearchParams(location.search);
document.documentElement.lang = t('htmlLang');
document.title = t('extensionName');
const focusedRecord = params.get('record');

/**
 * The tab the popup is about, with its address when the browser lets us read it (activeTab, from
 * the toolbar click; a tab named by ?tab= only where Termlight has host access).
 */
async function currentTab(): Promise<{ id: number; url?: string } | null> {
  const fromQuery = Number(params.get('tab'));
  if (params.has('tab') && Number.isInteger(fromQuery) && fromQuery >= 0) {
    const url = await (async () => (await browser.tabs.get(fromQuery)).url)().catch(() => undefined);
    return { id: fromQuery, ...(url ? { url } : {}) };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
}

/** Asks again every 250 ms while the page is still anchoring or being compared, this many times (30 s). */
const MAX_POLLS = 120;

interface TabViewState {
  view: TabView | null;
  tabId: number | null;
  /** The tab's address, when readable: the site view asks about its host. */
  url: string | null;
  error: string;
  gaveUp: boolean;
  /** Asks again from the start (the page was just asked to highlight). */
  reload: () => void;
}

function useTabView(): TabViewState {
  const [view, setView] = useState<TabView | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [gaveUp, setGaveUp] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tries = 0;
    setGaveUp(false);
    const load = async () => {
      const tab = await currentTab();
      const id = tab?.id ?? null;
      if (!live) return;
      setTabId(id);
      setUrl(tab?.url ?? null);
      if (id === null) return setView({ status: 'none', documents: [], found: [], notFound: [] });
      const next = await request({ type: 'popup/tab', tabId: id });
      if (!live) return;
      setView(next);
      const comparing = next.status === 'ready' && next.documents.some((d) => d.verification.state === 'pending');
      if (next.status !== 'pending' && !comparing) return;
      if (tries++ < MAX_POLLS) timer = setTimeout(() => void load().catch(fail), 250);
      else setGaveUp(true);
    };
    const fail = (e: Error) => live && setError(t('recordsReadFailed', e.message));
    load().catch(fail);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [round]);
  return { view, tabId, url, error, gaveUp, reload: () => setRound((r) => r + 1) };
}

/**
 * Grey bars where the document and its first rows will be, while the popup waits for the page:
 * the list then fills the space it held instead of pushing everything down. Decorative only.
 */
function Skeleton(props: { rows: number }) {
  return (
    <div class="skeleton" aria-hidden="true">
      <div class="bar doc-bar" />
      <div class="bar summary-bar" />
      {Array.from({ length: props.rows }, () => (
        <div class="bar row-bar" />
      ))}
    </div>
  );
}

function Popup() {
  const { view, tabId, url, error, gaveUp, reload } = useTabView();
  const status = view && pageStatus(view, gaveUp);
  const [showError, setShowError] = useState('');

  // The clause list is on screen (preact runs effects after the paint): what scripts/bench/glance.ts times.
  useEffect(() => {
    if (view?.status === 'ready') performance.mark('termlight:list-ready');
  }, [view?.status]);

  const show = async (recordKey: string) => {
    if (tabId === null) return;
    try {
      const { shown } = await request({ type: 'popup/show-clause', tabId, recordKey });
      if (!shown) setShowError(t('popupClauseGone'));
      else if (!params.has('tab')) window.close();
      else await browser.tabs.update(tabId, { active: true });
    } catch (e) {
      setShowError(t('popupPageUnreachable', (e as Error).message));
    }
  };

  return (
    <>
      {/* The search first and always in reach: nothing above it changes as the page's answer comes in. */}
      <header class="top">
        <h1 class="brand">{t('extensionName')}</h1>
        <Search />
      </header>
      <main>
        {error && <p role="alert" class="error">{error}</p>}
        {view?.setupProblem && (
          <p role="alert" class="error">
            {t('popupSetupFailed', view.setupProblem)}
          </p>
        )}
        {!view && !error && (
          <>
            <p aria-busy="true" class="loading">
              {t('popupLoading')}
            </p>
            <Skeleton rows={2} />
          </>
        )}
        {view?.status === 'none' && !url && (
          // From the toolbar, an address the browser does not let us read is a page closed to extensions.
          <p class="empty">{tabId !== null && !params.has('tab') ? t('popupSiteClosed') : t('popupNotAPolicyPage')}</p>
        )}
        {view && tabId !== null && url && view.documents.length === 0 && (
          // On a page no document names: the site first (folded once it was highlighted on request).
          <SiteSection tabId={tabId} url={url} tab={view} compact={view.status !== 'none'} onHighlight={reload} />
        )}
        {view && view.status !== 'none' && (
          <section class="page" aria-labelledby={view.documents.map((d) => `doc-heading-${d.key}`).join(' ') || undefined}>
            <Documents view={view} />
            {status?.tone === 'busy' && (
              <>
                <p aria-busy="true" class="loading">
                  {status.text}
                </p>
                <Skeleton rows={3} />
              </>
            )}
            {status?.tone === 'note' && <p role="status">{status.text}</p>}
            {status?.tone === 'alert' && (
              <p role="alert" class="error">
                {status.text}
              </p>
            )}
            {showError && (
              <p role="alert" class="error">
                {showError}
              </p>
            )}
            {view.status === 'ready' && (
              <ClauseList found={view.found} notFound={view.notFound} onShow={(key) => void show(key)} focusedRecord={focusedRecord} />
            )}
          </section>
        )}
        {view && tabId !== null && url && view.documents.length > 0 && (
          // On a recorded document's page: the document first, the site below, folded.
          <SiteSection tabId={tabId} url={url} tab={view} compact onHighlight={reload} />
        )}
        <footer>
          <a href={browser.runtime.getURL('popup/options.html')} target="_blank" rel="noreferrer">
            {t('popupOpenOptions')}
          </a>
        </footer>
      </main>
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
