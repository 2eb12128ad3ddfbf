/** The records feed: its address, "Check now", and what the last check did. */
import { useEffect, useState } from 'preact/hooks';
import type { FeedState } from '../../src/messages/protocol';
import { request } from '../api';

const when = (iso: string) => new Date(iso).toLocaleString();

export function describeFeed(state: FeedState): string {
  if (!state.url) return 'No feed is set: your records change only when you import or restore them.';
  const { lastCheck, lastGood } = state.status;
  const good = lastGood ? ` Records from the feed: version ${lastGood.packVersion} (${lastGood.records} records), stored ${when(lastGood.at)}.` : '';
  if (!lastCheck) return `Not checked yet.${good}`;
  const verb = lastCheck.outcome === 'failed' ? 'Last check failed' : 'Last checked';
  return `${verb} ${when(lastCheck.at)}: ${lastCheck.message}${good}`;
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
      <h2 id="feed-heading">Records feed</h2>
      <p>
        Termlight can keep its records up to date from a pack published at an HTTPS address (checked every 6 hours
        and when you ask). The request carries nothing about the pages you read. The server must allow cross-origin
        requests (<code>Access-Control-Allow-Origin</code>).
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => request({ type: 'options/feed-set', url: address.trim() || null }));
        }}
      >
        <label for="feed-url">Feed address</label>
        <input id="feed-url" type="url" placeholder="https://…/termlight-pack.json" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
        <button type="submit" id="feed-save" disabled={props.busy}>
          Save and check
        </button>
        <button type="button" id="feed-check" disabled={props.busy || !state?.url} onClick={() => void act(() => request({ type: 'options/feed-check' }))}>
          Check now
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
