/**
 * The records feed: its address, "Check now", and, right under the buttons, what the last check
 * did: a failure as an error in plain words (plain-errors.ts), a good check as a success.
 */
import { useEffect, useState } from 'preact/hooks';
import { plural, t, tParts } from '../../src/i18n/t';
import type { FeedState } from '../../src/messages/protocol';
import { request } from '../api';
import { plainError } from './plain-errors';
import { ErrorNotice, keepingFocus } from './status';
import { dateTimeWords } from '../../src/i18n/date';

/** What the last check did, and which records the feed gave last; said right under its buttons. */
export function FeedStatus(props: { state: FeedState }) {
  const { url, status } = props.state;
  if (!url) return <p role="status">{t('feedNotSet')}</p>;
  const { lastCheck, lastGood } = status;
  const good = lastGood && (
    <p class="meta">{plural(lastGood.records, 'feedLastGoodOne', 'feedLastGoodMany', lastGood.packVersion, lastGood.records, dateTimeWords(lastGood.at))}</p>
  );
  if (lastCheck?.outcome === 'failed') {
    return (
      <>
        <p role="status" class="visually-hidden" />
        <ErrorNotice
          heading={t('feedLastCheckFailed', dateTimeWords(lastCheck.at))}
          failures={[{ error: plainError(lastCheck.problem, 'feed', lastCheck.message) }]}
          after={<p>{t('feedRecordsUnchanged')}</p>}
        />
        {good}
      </>
    );
  }
  return (
    <>
      <p role="status" class={lastCheck ? 'status notice-success' : 'status'}>
        {lastCheck ? t('feedLastChecked', dateTimeWords(lastCheck.at), lastCheck.message) : t('feedNotChecked')}
      </p>
      {good}
    </>
  );
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

  const act = (run: () => Promise<FeedState>) =>
    keepingFocus(
      async () => {
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
      },
      () => document.getElementById('feed-save'),
    );

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
      <div id="feed-status" class="status-area" aria-busy={props.busy && state !== null ? 'true' : undefined}>
        {error ? (
          <ErrorNotice failures={[{ error: { what: `${error.replace(/[.!?]$/, '')}.`, todo: t('feedFixAddressTodo'), detail: '' } }]} />
        ) : (
          state && <FeedStatus state={state} />
        )}
      </div>
    </section>
  );
}
