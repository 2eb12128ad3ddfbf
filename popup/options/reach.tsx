/**
 * "Automatic highlights": the sites of imported and feed records the manifest's content script
 * does not run on. One action allows the sites not allowed yet; each source says how it stands
 * and can be withdrawn or allowed again; a site taken back in the browser's own settings is said.
 *
 * permissions.request must run inside the click (the browsers refuse it otherwise, and Firefox
 * counts an await as leaving the click): the sites are computed from the last status before the
 * click, and the request is the click handler's first call.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { count } from '../../src/i18n/count';
import { plural, t } from '../../src/i18n/t';
import type { CacheSummary } from '../../src/messages/protocol';
import { offeredSites, siteHost, sourceReach, type ReachView, type SourceReach } from '../../src/background/reach';
import { request } from '../api';
import { sourceRows } from './source-rows';

/** How a source stands, in words. */
export function describeSourceReach(reach: SourceReach): string {
  if (reach.withdrawn) return t('reachSourceWithdrawn');
  if (reach.allowed === 0) return t('reachSourceNone');
  if (reach.allowed === reach.sites) return plural(reach.sites, 'reachSourceAllOne', 'reachSourceAllMany');
  return t('reachSourceSome', reach.allowed, count(reach.sites, 'nSitesOne', 'nSitesMany'));
}

/**
 * Asks the browser for `sites` (inside the click that calls this), then tells the background, which
 * registers the content script there. Resolves with what the reader decided and the view after.
 */
export function allowSites(sites: readonly string[], packIds: readonly string[]): Promise<{ allowed: boolean; view: ReachView }> {
  // No await before this call: it must run in the click's user gesture.
  const asked = sites.length > 0 ? browser.permissions.request({ origins: [...sites] }) : Promise.resolve(true);
  return asked.then(async (allowed) => ({
    allowed,
    view: allowed ? await request({ type: 'reach/granted', packIds: [...packIds] }) : await request({ type: 'reach/status' }),
  }));
}

/** The hosts of `sites`, for people. */
const hostList = (sites: readonly string[]) => sites.map(siteHost).join(', ');

export function ReachSection(props: { summary: CacheSummary | null; busy: boolean }) {
  const [view, setView] = useState<ReachView | null>(null);
  /** The view as last shown, for listeners registered once. */
  const shown = useRef<ReachView | null>(null);
  shown.current = view;
  const [status, setStatus] = useState('');
  const [working, setWorking] = useState(false);

  const refresh = () =>
    request({ type: 'reach/status' })
      .then((next) => {
        // A site newly taken back in the browser's settings makes the last status line stale: the notice says what happened.
        if (next.revoked.some((r) => !r.seen && !shown.current?.revoked.some((v) => v.site === r.site))) setStatus('');
        setView(next);
      })
      .catch((e: Error) => setStatus(t('reachFailed', e.message)));
  // Again whenever the records change (an import, a feed update, a source removed) and whenever
  // the grants change, in the browser's own settings too.
  useEffect(() => void refresh(), [props.summary]);
  useEffect(() => {
    const listener = () => void refresh();
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  }, []);

  const act = (run: () => Promise<string>) => {
    setWorking(true);
    run()
      .then(setStatus, (e: Error) => setStatus(t('reachFailed', e.message)))
      .finally(() => setWorking(false));
  };
  const allow = (sites: readonly string[], packIds: readonly string[]) =>
    act(async () => {
      const { allowed, view: next } = await allowSites(sites, packIds);
      setView(next);
      return allowed ? plural(sites.length, 'reachAllowedOne', 'reachAllowedMany') : t('reachNotAllowed');
    });

  // The bundled pack has no such sites: the manifest runs the content script on its pages.
  const rows = sourceRows(props.summary?.packs ?? [])
    .map((row) => ({ row, reach: view ? sourceReach(view, row.packIds) : null }))
    .filter((r): r is { row: typeof r.row; reach: SourceReach } => r.reach !== null && r.reach.sites > 0);
  const offer = view ? offeredSites(view) : [];
  const revoked = view?.revoked.filter((r) => !r.seen).map((r) => r.site) ?? [];
  const disabled = props.busy || working;

  return (
    <section aria-labelledby="reach-heading" id="reach">
      <h2 id="reach-heading">{t('reachHeading')}</h2>
      {revoked.length > 0 && (
        <div role="alert" class="changed" id="reach-revoked">
          <p>{plural(revoked.length, 'reachRevokedOne', 'reachRevokedMany', hostList(revoked))}</p>
          <button type="button" disabled={disabled} onClick={() => allow(revoked, [])}>
            {t('reachAllowAgain')}
          </button>{' '}
          <button
            type="button"
            disabled={disabled}
            onClick={() =>
              act(async () => {
                setView(await request({ type: 'reach/dismiss' }));
                return '';
              })
            }
          >
            {t('reachDismiss')}
          </button>
        </div>
      )}
      {offer.length > 0 && (
        <div id="reach-offer">
          <p>{plural(offer.length, 'reachOfferIntroOne', 'reachOfferIntroMany')}</p>
          <button type="button" id="reach-allow" disabled={disabled} onClick={() => allow(offer, [])}>
            {plural(offer.length, 'reachOfferOne', 'reachOfferMany')}
          </button>
          <details>
            <summary>{t('reachWhichSites')}</summary>
            <p class="meta">{hostList(offer)}</p>
          </details>
        </div>
      )}
      {rows.length > 0 ? (
        <table>
          <caption class="visually-hidden">{t('reachCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sourcesColumnSource')}</th>
              <th scope="col">{t('reachColumnState')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('sourcesColumnActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, reach }) => (
              <tr key={row.key} data-source={row.key}>
                <th scope="row">{row.name}</th>
                <td class="reach-state">{describeSourceReach(reach)}</td>
                <td>
                  {!reach.withdrawn && reach.allowed > 0 && (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={t('reachWithdrawLabel', row.name)}
                      onClick={() =>
                        act(async () => {
                          const { removed, ...next } = await request({ type: 'reach/withdraw', packIds: row.packIds });
                          setView(next);
                          return removed.length ? t('reachWithdrawn', row.name, hostList(removed)) : t('reachWithdrawnNone', row.name);
                        })
                      }
                    >
                      {t('reachWithdraw')}
                    </button>
                  )}{' '}
                  {(reach.withdrawn || reach.missing.length > 0) && (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={t('reachAllowLabel', row.name)}
                      onClick={() => allow(reach.missing, row.packIds)}
                    >
                      {t('reachAllow')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        view && <p class="meta">{t('reachNothing')}</p>
      )}
      <p role="status" class="status" id="reach-status">
        {status}
      </p>
    </section>
  );
}
