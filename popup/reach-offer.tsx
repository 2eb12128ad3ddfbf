/**
 * The popup's share of automatic highlights, for its site view (popup/site.tsx): on a site of the
 * reader's records that Termlight may not run on yet, the same one action as the options page
 * (every site of the records not allowed yet, asked for in the click). Renders nothing elsewhere.
 *
 * Chrome closes the popup when its permission prompt opens: the background registers the script
 * on its own once the browser reports the grant (permissions.onAdded), and puts it into the tabs
 * already open there, so nothing depends on this page living on.
 */
import { useEffect, useState } from 'preact/hooks';
import { plural, t } from '../src/i18n/t';
import { grantReaches, offeredSites, type ReachView } from '../src/background/reach';
import { request } from './api';
import { allowSites } from './options/reach';

/** Whether `host` is on one of the offered sites. */
export const offeredHere = (view: ReachView, host: string): boolean => offeredSites(view).some((site) => grantReaches(site, `https://${host}/*`));

export function ReachOffer(props: { host: string }) {
  const [view, setView] = useState<ReachView | null>(null);
  const [status, setStatus] = useState('');
  const [working, setWorking] = useState(false);
  useEffect(() => {
    request({ type: 'reach/status' }).then(setView, () => setView(null));
  }, [props.host]);

  if (status) {
    return (
      <p role="status" class="status" id="reach-popup-status">
        {status}
      </p>
    );
  }
  if (!view || !offeredHere(view, props.host)) return null;
  const offer = offeredSites(view);
  return (
    <div class="reach-offer" id="reach-popup">
      <p>{t('reachPopupIntro', props.host)}</p>
      <button
        type="button"
        id="reach-popup-allow"
        disabled={working}
        onClick={() => {
          setWorking(true);
          allowSites(offer, [])
            .then(
              ({ allowed }) => setStatus(allowed ? plural(offer.length, 'reachAllowedOne', 'reachAllowedMany') : t('reachNotAllowed')),
              (e: Error) => setStatus(t('reachFailed', e.message)),
            )
            .finally(() => setWorking(false));
        }}
      >
        {plural(offer.length, 'reachOfferOne', 'reachOfferMany')}
      </button>
    </div>
  );
}
