/** The records feed: its address, "Check now", and what the last check did. */
import { useEffect, useState } from 'preact/hooks';
import { plural, t, tParts } from '../../src/i18n/t';
import type { FeedState } from '../../src/messages/protocol';
import { request } from '../api';

const when = (iso: string) => new Date(iso).toLocaleString();

export function describeFeed(state: FeedState): string {
  if (!state.url) return t('feedNotSet');
  const { lastCheck, lastGood } = state.status;
  const checked = !lastCheck
    ? t('feedNotChecked')
    : t(lastCheck.outcome === 'failed' ? 'feedLastCheckFailed' : 'feedLastChecked', when(lastCheck.at), lastCheck.message);
  if (!lastGood) return checked;
  const good = plural(lastGood.records, 'feedLastGoodOne', 'feedLastGoodMany', lastGood.packVersion, lastGood.records, when(lastGood.at));
  return `${checked} ${good}`;
}

export function FeedSection(props: { busy: boolean; setBusy: (b: boolean) => void; onUpdated: () => void }) {
  const [state, setState] = useState<FeedState | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    request({ type: 'options/feed' })
      .then((s) => {
        setState(s);
        setAddress(s.url ?? '');
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const act = async (run: () => Promise<FeedState>) => {
    props.setBusy(true);
    setError('');
    try {
      setState(await run());
      props.onUpdated();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      props.setBusy(false);
    }
  };

  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('feedHeading')}</h2>
      <p>{tParts('feedIntro', <code>Access-Control-Allow-Origin</code>)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => request({ type: 'options/feed-set', url: address.trim() || null }));
        }}
      >
        <label for="feed-url">{t('feedAddressLabel')}</label>
        <input id="feed-url" type="url" placeholder={t('feedAddressPlaceholder')} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
        <button type="submit" id="feed-save" disabled={props.busy}>
          {t('feedSaveAndCheck')}
        </button>
        <button type="button" id="feed-check" disabled={props.busy || !state?.url} onClick={() => void act(() => request({ type: 'options/feed-check' }))}>
          {t('feedCheckNow')}
        </button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="status" id="feed-status">
        {state ? describeFeed(state) : ''}
      </p>
    </section>
  );
}
