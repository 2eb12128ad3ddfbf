/**
 * Offline search over every platform and clause in the records, on any page. Says how many
 * match in all ("Showing 50 of 312 clauses", "3 platforms") and loads the rest a page at a time;
 * a platform opens to its summary (search-platform.tsx); a clause shows what it means first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, t } from '../src/i18n/t';
import type { ReplyData, SearchHit } from '../src/messages/protocol';
import { request } from './api';
import { PlatformResult } from './search-platform';
import { SeverityTag } from './severity';

type Result = ReplyData<'popup/search'>;
type RecordHit = Extract<SearchHit, { kind: 'record' }>;
type Kind = 'platforms' | 'records';

/** Numbers as the reader's language writes them (1,234). */
const n = (value: number) => value.toLocaleString(t('htmlLang'));

/** "3 platforms · Showing 50 of 312 clauses", or that nothing matches. */
function countLine(result: Result): string {
  const { platforms, records } = result;
  if (platforms.total === 0 && records.total === 0) return t('searchNothing');
  const parts: string[] = [];
  if (platforms.total > 0) {
    parts.push(
      platforms.hits.length < platforms.total
        ? t('searchShowingPlatforms', n(platforms.hits.length), n(platforms.total))
        : plural(platforms.total, 'searchPlatformsOne', 'searchPlatformsMany', n(platforms.total)),
    );
  }
  if (records.total > 0) {
    parts.push(
      records.hits.length < records.total
        ? t('searchShowingClauses', n(records.hits.length), n(records.total))
        : plural(records.total, 'searchClausesOne', 'searchClausesMany', n(records.total)),
    );
  }
  return parts.join(' · ');
}

function RecordResult({ hit }: { hit: RecordHit }) {
  return (
    <li class="hit-record" tabIndex={-1}>
      <SeverityTag severity={hit.severity} /> <strong class="hit-title">{hit.title}</strong>
      {hit.impact && <p class="hit-impact">{hit.impact}</p>}
      <div class="meta">
        {hit.platformName}
        {hit.documentTitle && ' · '}
        {hit.documentUrl ? (
          <a href={hit.documentUrl} target="_blank" rel="noreferrer">
            {hit.documentTitle}
          </a>
        ) : (
          hit.documentTitle
        )}
      </div>
      <blockquote class="quote hit-quote">{hit.excerpt}</blockquote>
      {hit.credit && <div class="meta">{t('recordAnalysis', hit.credit)}</div>}
    </li>
  );
}

export function Search() {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [loadingMore, setLoadingMore] = useState<Kind | null>(null);
  // After "Show more", the first new result takes the focus (the button may be gone).
  const focusFrom = useRef<{ kind: Kind; index: number } | null>(null);
  const lists = { platforms: useRef<HTMLUListElement>(null), records: useRef<HTMLUListElement>(null) };
  const asked = query.trim();
  const warmed = useRef(false);
  // The first focus asks with nothing typed: the background builds its index while the words come.
  const warm = () => {
    if (warmed.current) return;
    warmed.current = true;
    request({ type: 'popup/search', query: '' }).catch(() => undefined);
  };

  useEffect(() => {
    focusFrom.current = null;
    if (!asked) {
      setResult(null);
      setError('');
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      request({ type: 'popup/search', query: asked })
        .then((reply) => live && (setResult(reply), setError('')))
        .catch((e: Error) => live && setError(e.message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [asked]);

  useEffect(() => {
    const target = focusFrom.current;
    const item = target && (lists[target.kind].current?.children[target.index] as HTMLElement | undefined);
    // Not listed yet (an earlier render's effect): the next one will find it.
    if (!target || !item) return;
    focusFrom.current = null;
    (target.kind === 'platforms' ? item.querySelector('button') : item)?.focus();
  });

  const showMore = async (kind: Kind) => {
    if (!result) return;
    const from = result[kind].hits.length;
    setLoadingMore(kind);
    try {
      const more = await request({
        type: 'popup/search',
        query: asked,
        ...(kind === 'records' ? { recordOffset: from } : { platformOffset: from }),
      });
      // Typed over while it loaded: the new query's answer is coming.
      if ((document.getElementById('search') as HTMLInputElement | null)?.value.trim() !== asked) return;
      focusFrom.current = { kind, index: from };
      setResult((now) =>
        now && {
          platforms: kind === 'platforms' ? { total: more.platforms.total, hits: [...now.platforms.hits, ...more.platforms.hits] } : now.platforms,
          records: kind === 'records' ? { total: more.records.total, hits: [...now.records.hits, ...more.records.hits] } : now.records,
        },
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingMore(null);
    }
  };

  const moreButton = (kind: Kind) => {
    if (!result) return null;
    if (result[kind].hits.length >= result[kind].total) return null;
    return (
      <button type="button" class="show-more" onClick={() => void showMore(kind)} disabled={loadingMore !== null}>
        {t(kind === 'records' ? 'searchMoreClauses' : 'searchMorePlatforms')}
      </button>
    );
  };

  return (
    <section class="search" aria-label={t('searchRegionLabel')}>
      <label for="search">{t('searchInputLabel')}</label>
      <input
        id="search"
        type="search"
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onFocus={warm}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {result && asked && (
        <div role="region" aria-label={t('searchResultsLabel')}>
          <p class="meta search-count" role="status">
            {countLine(result)}
          </p>
          {result.platforms.hits.length > 0 && (
            <>
              <h3 class="search-heading">{t('searchPlatformsHeading')}</h3>
              <ul class="hits search-platforms" ref={lists.platforms}>
                {result.platforms.hits.map((hit) => (
                  <PlatformResult key={hit.platformId} hit={hit} />
                ))}
              </ul>
              {moreButton('platforms')}
            </>
          )}
          {result.records.hits.length > 0 && (
            <>
              <h3 class="search-heading">{t('searchClausesHeading')}</h3>
              <ul class="hits search-records" ref={lists.records}>
                {result.records.hits.map((hit) => (
                  <RecordResult key={hit.recordKey} hit={hit} />
                ))}
              </ul>
              {moreButton('records')}
            </>
          )}
        </div>
      )}
    </section>
  );
}
